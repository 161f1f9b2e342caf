/// The rows of a table with one row per customer (the Pareto by customer, the repeat customers),
/// in print order: held, or read back a row at a time from the scratch file a `RowSorter` wrote
/// them to, so that a report never holds as many rows as it has customers.
///
/// A sequence, not a collection: renderers walk it from the first row (all of it for
/// `report.json` and the CSVs, a few rows for `index.html` and `summary.md`), any number of
/// times and from any thread. Encodes and decodes as a JSON array, and compares row by row.
public struct CustomerRows<Row: SpillableRow>: Sequence, Sendable, Equatable, Codable,
  ExpressibleByArrayLiteral
{
  private enum Storage: Sendable {
    case held([Row])
    /// Records in a range of bytes of a scratch file.
    case spilled(ScratchFile, Range<Int>)
  }

  private let storage: Storage
  public let count: Int

  public init(_ rows: [Row]) {
    storage = .held(rows)
    count = rows.count
  }

  public init(arrayLiteral rows: Row...) {
    self.init(rows)
  }

  init(file: ScratchFile, bytes: Range<Int>, count: Int) {
    storage = .spilled(file, bytes)
    self.count = count
  }

  public var isEmpty: Bool { count == 0 }

  public var underestimatedCount: Int { count }

  /// Whether the rows are in a scratch file rather than in memory.
  public var isSpilled: Bool {
    if case .spilled = storage { return true }
    return false
  }

  /// The scratch file the rows are in, if they are in one.
  var scratchFile: ScratchFile? {
    if case .spilled(let file, _) = storage { return file }
    return nil
  }

  public func makeIterator() -> Iterator {
    switch storage {
    case .held(let rows): Iterator(held: rows.makeIterator())
    case .spilled(let file, let bytes): Iterator(reader: SpillReader(file: file, bytes: bytes))
    }
  }

  public struct Iterator: IteratorProtocol {
    fileprivate var held: IndexingIterator<[Row]>?
    fileprivate var reader: SpillReader<Row>?

    fileprivate init(held: IndexingIterator<[Row]>? = nil, reader: SpillReader<Row>? = nil) {
      self.held = held
      self.reader = reader
    }

    /// The next row. A scratch file this process wrote a moment ago that cannot be read back
    /// (a failing disk) stops the process: a renderer cannot leave a row out.
    public mutating func next() -> Row? {
      if held != nil { return held?.next() }
      do {
        return try reader?.next()
      } catch {
        fatalError("\(error)")
      }
    }
  }

  public static func == (left: Self, right: Self) -> Bool {
    left.count == right.count && left.elementsEqual(right)
  }

  public init(from decoder: any Decoder) throws {
    self.init(try [Row](from: decoder))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    for row in self { try container.encode(row) }
  }
}

extension ReportModel.ParetoRow: SpillableRow {
  public func spill(into record: inout SpillRecord) {
    record.append(key)
    record.append(count)
    record.append(share)
    record.append(cumulative)
    record.append(vital)
  }

  public init(unspilling fields: inout SpillFields) throws(ReportError) {
    self.init(
      key: try fields.string(), count: try fields.int(), share: try fields.double(),
      cumulative: try fields.double(), vital: try fields.bool())
  }
}

extension ReportModel.RepeatCustomer: SpillableRow {
  public func spill(into record: inout SpillRecord) {
    record.append(customer)
    record.append(count)
    record.append(keyAccount)
    record.append(issues)
  }

  public init(unspilling fields: inout SpillFields) throws(ReportError) {
    self.init(
      customer: try fields.string(), count: try fields.int(), keyAccount: try fields.bool(),
      issues: try fields.strings())
  }
}
