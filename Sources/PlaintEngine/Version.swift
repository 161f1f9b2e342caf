/// Plaint's version, written into every manifest and `--version`.
public enum PlaintVersion {
  public static let current = "0.1.0"
}
