import Foundation

/// How much of a period the exports cover.
public enum PeriodCoverage: String, Codable, Sendable, Hashable, CaseIterable {
  /// Every day of the period lies inside an export's span.
  case whole
  /// Some days do, some do not: an export starts or ends inside the period, or a gap does.
  case partial
  /// No export covers any day of the period: no data, which is not zero complaints.
  case none = "not_covered"
}

/// The calendar days that exports cover: a union of whole days, kept as sorted, merged spans.
///
/// An export covers the days from its first ticket's day through its last ticket's day (or the
/// `covers:` of its source). Days are cut at midnight in the configured time zone, so a span is
/// a half-open range of instants from one midnight to another.
public struct Coverage: Sendable, Hashable {
  /// Sorted, disjoint, non-adjacent spans.
  public private(set) var spans: [Range<Date>] = []

  public init(_ spans: [Range<Date>] = []) {
    for span in spans { insert(span) }
  }

  /// The whole days from `first`'s day through `last`'s day.
  public static func days(from first: Date, through last: Date, in timeZone: TimeZone)
    -> Range<Date>
  {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let start = calendar.startOfDay(for: min(first, last))
    let lastDay = calendar.startOfDay(for: max(first, last))
    let end = calendar.date(byAdding: .day, value: 1, to: lastDay) ?? lastDay
    return start..<end
  }

  public var isEmpty: Bool { spans.isEmpty }
  /// The first covered instant.
  public var start: Date? { spans.first?.lowerBound }
  /// The end of the last covered day (exclusive).
  public var end: Date? { spans.last?.upperBound }

  public mutating func insert(_ span: Range<Date>) {
    guard !span.isEmpty else { return }
    var merged = span
    var kept: [Range<Date>] = []
    kept.reserveCapacity(spans.count + 1)
    for existing in spans {
      if existing.upperBound < merged.lowerBound || merged.upperBound < existing.lowerBound {
        kept.append(existing)
      } else {
        merged =
          min(existing.lowerBound, merged.lowerBound)..<max(existing.upperBound, merged.upperBound)
      }
    }
    kept.append(merged)
    spans = kept.sorted { $0.lowerBound < $1.lowerBound }
  }

  public func union(_ other: Coverage) -> Coverage {
    var result = self
    for span in other.spans { result.insert(span) }
    return result
  }

  /// The covered parts of `range`.
  public func clipped(to range: Range<Date>) -> [Range<Date>] {
    spans.compactMap { span in
      let lower = max(span.lowerBound, range.lowerBound)
      let upper = min(span.upperBound, range.upperBound)
      return lower < upper ? lower..<upper : nil
    }
  }

  /// The covered days from `start` on.
  public func starting(at start: Date) -> Coverage {
    Coverage(
      spans.compactMap { span in
        span.upperBound > start ? max(span.lowerBound, start)..<span.upperBound : nil
      })
  }

  /// Whether the exports cover all of `range`, part of it, or none.
  public func coverage(of range: Range<Date>) -> PeriodCoverage {
    let parts = clipped(to: range)
    guard let first = parts.first else { return .none }
    if parts.count == 1, first == range { return .whole }
    return .partial
  }

  /// Whether the exports cover all of `period` (cut in `timeZone`), part of it, or none.
  public func coverage(of period: Period, in timeZone: TimeZone) -> PeriodCoverage {
    coverage(of: period.interval(in: timeZone))
  }
}

extension Period {
  /// The instants of the period: from its first midnight to the next period's.
  public func interval(in timeZone: TimeZone) -> Range<Date> {
    start(in: timeZone)..<next(in: timeZone).start(in: timeZone)
  }
}

extension PeriodCoverage {
  /// The coverage of a roll-up from its parts: whole only when every part is, none only when no
  /// part has any data, partial in between.
  public static func combined(_ parts: some Sequence<PeriodCoverage>) -> PeriodCoverage {
    var sawWhole = false
    var sawNone = false
    for part in parts {
      switch part {
      case .whole: sawWhole = true
      case .none: sawNone = true
      case .partial: return .partial
      }
    }
    if sawWhole && sawNone { return .partial }
    return sawNone ? .none : .whole
  }
}
