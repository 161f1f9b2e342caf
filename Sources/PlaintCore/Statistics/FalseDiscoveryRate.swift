/// Multiple-testing control across the cells of one period.
public enum FalseDiscoveryRate {
  /// Benjamini–Hochberg q-values for `pValues`, returned in the same order.
  ///
  /// q₍ᵢ₎ = min over j ≥ i of p₍ⱼ₎·m/j on the ascending order, capped at 1; ties keep input order,
  /// which does not change any q-value.
  public static func benjaminiHochberg(_ pValues: [Double]) -> [Double] {
    let m = pValues.count
    guard m > 0 else { return [] }
    let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
    var qValues = [Double](repeating: 1, count: m)
    var running = 1.0
    for rank in stride(from: m, through: 1, by: -1) {
      let index = order[rank - 1]
      running = min(running, pValues[index] * Double(m) / Double(rank))
      qValues[index] = min(1, running)
    }
    return qValues
  }

  /// `weights` scaled to average 1 (the weighted procedure's condition); all 1 when they sum to 0.
  public static func normalisedWeights(_ weights: [Double]) -> [Double] {
    let total = weights.reduce(0, +)
    guard total > 0 else { return weights.map { _ in 1 } }
    let scale = Double(weights.count) / total
    return weights.map { $0 * scale }
  }
}
