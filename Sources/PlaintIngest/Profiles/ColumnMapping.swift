import Foundation

/// What a profile or mapping needs from a header row, before the header is known.
struct ColumnPlan: Sendable {
  struct Need: Sendable {
    var field: TicketField
    var refs: [ColumnRef]
    /// Named in the configuration: every ref of `text`, and one of any other field, must exist.
    var isExplicit: Bool
    /// One of id, created, text: at least one ref must exist.
    var isRequired: Bool
  }

  struct Filter: Sendable {
    var ref: ColumnRef
    var values: Set<String>
  }

  var profile: ExportProfile
  var needs: [Need]
  var filters: [Filter]

  /// The columns of each field in a file whose header row is `header` (nil: no header row).
  func resolve(header: [String]?) -> Result<ColumnMapping, MissingColumns> {
    let positions = header.map(Self.positions)
    /// Every column `ref` names: a header repeated in the file (Jira's several `Labels`) names
    /// each of its columns.
    func columns(of ref: ColumnRef) -> [Int] {
      switch ref {
      case .number(let number):
        guard let header else { return [number - 1] }
        return number <= header.count ? [number - 1] : []
      case .header(let name):
        return positions?[Self.normalized(name)] ?? []
      }
    }
    var mapping = ColumnMapping(header: header)
    var missing: [String] = []
    for need in needs {
      let found = need.refs.map(columns(of:))
      let present = found.filter { !$0.isEmpty }
      if need.field == .text && need.isExplicit && present.count < found.count {
        let absent = zip(need.refs, found).filter { $0.1.isEmpty }.map(\.0)
        missing.append(Self.describe(need.field, absent))
      } else if present.isEmpty && (need.isExplicit || need.isRequired) {
        missing.append(Self.describe(need.field, need.refs))
      }
      // Text joins every named column; any other field reads the first name present, in all
      // the columns that carry it.
      var unique: [Int] = []
      for column in (need.field == .text ? present : Array(present.prefix(1))).joined()
      where !unique.contains(column) {
        unique.append(column)
      }
      mapping.set(need.field, unique)
    }
    for filter in filters {
      if let column = columns(of: filter.ref).first {
        mapping.filters.append((column, filter.values))
      } else {
        missing.append(Self.describe(nil, [filter.ref]))
      }
    }
    if !missing.isEmpty { return .failure(MissingColumns(descriptions: missing)) }
    if let header {
      let headers = Set(header.map(Self.normalized))
      if profile.cannotContain.contains(where: { headers.contains(Self.normalized($0)) }) {
        return .failure(MissingColumns(descriptions: [], isOtherSystem: true))
      }
    }
    return .success(mapping)
  }

  /// Finds each slice's column in `header` (nil: a headerless file, read by number); returns the
  /// first slice whose column is not there.
  static func resolve(
    _ slices: [SliceColumn], header: [String]?, into mapping: inout ColumnMapping
  ) -> SliceColumn? {
    for slice in slices {
      let index: Int?
      switch slice.column {
      case .number(let number):
        guard number >= 1 else { return slice }
        index = header.map { number <= $0.count ? number - 1 : nil } ?? number - 1
      case .header(let name):
        index = header?.firstIndex { normalized($0) == normalized(name) }
      }
      guard let index else { return slice }
      mapping.slices.append((slice.name, index))
    }
    return nil
  }

  static func normalized(_ name: String) -> String {
    name.trimmingCharacters(in: .whitespacesAndNewlines.union(["\u{FEFF}"])).lowercased()
  }

  private static func positions(_ header: [String]) -> [String: [Int]] {
    var positions: [String: [Int]] = [:]
    for (index, name) in header.enumerated() {
      positions[normalized(name), default: []].append(index)
    }
    return positions
  }

  private static func describe(_ field: TicketField?, _ refs: [ColumnRef]) -> String {
    let wanted = refs.map { ref in
      switch ref {
      case .header(let name): "\"\(name)\""
      case .number(let number): "column \(number)"
      }
    }
    return "\(field?.rawValue ?? "where"): " + wanted.joined(separator: " or ")
  }
}

/// Why a header row does not fit a plan.
struct MissingColumns: Error {
  var descriptions: [String]
  /// The header has a column that marks another system's export.
  var isOtherSystem = false
}

/// Where each mapped field is in a row, once the header is known.
struct ColumnMapping: Sendable {
  /// Header names, for messages; nil in a headerless file.
  let header: [String]?
  /// Column indices per field, in `TicketField.allCases` order.
  private(set) var columns = [[Int]](repeating: [], count: TicketField.allCases.count)
  var filters: [(column: Int, values: Set<String>)] = []
  /// The column of each slice, by slice name.
  var slices: [(name: String, column: Int)] = []

  init(header: [String]?) {
    self.header = header
  }

  subscript(field: TicketField) -> [Int] { columns[field.ordinal] }

  mutating func set(_ field: TicketField, _ indices: [Int]) { columns[field.ordinal] = indices }

  /// The highest column index any field or filter reads; a row needs more fields than that.
  var highestColumn: Int {
    max(
      columns.joined().max() ?? 0, filters.map(\.column).max() ?? 0,
      slices.map(\.column).max() ?? 0)
  }

  /// How messages name column `index`: its header, else its 1-based number.
  func name(of index: Int) -> String {
    guard let header, index < header.count else { return "\(index + 1)" }
    let name = header[index].trimmingCharacters(in: .whitespaces)
    return name.isEmpty ? "\(index + 1)" : name
  }
}

extension TicketField {
  /// Position in `allCases`, for array-indexed lookups on the hot path.
  var ordinal: Int {
    switch self {
    case .id: 0
    case .created: 1
    case .updated: 2
    case .resolved: 3
    case .text: 4
    case .customer: 5
    case .customerName: 6
    case .product: 7
    case .channel: 8
    case .agent: 9
    case .category: 10
    case .tags: 11
    }
  }
}
