// plaint-bench: the raw-parse baseline of `make bench` (README.md, Performance).
//
//   plaint-bench parse FILE [--delimiter C]
//
// Reads FILE in 1 MiB blocks and feeds them to libcsv with callbacks that only count fields and
// records: the cost of parsing alone, on one core, to compare the whole `plaint run` with. Kept
// out of the `plaint` binary so the product carries no benchmark code, and free of every Plaint
// module so nothing but libcsv is measured.
import CLibCSV

#if canImport(Glibc)
  import Glibc
#endif

struct Counts {
  var fields = 0
  var records = 0
}

private func onField(_: UnsafeMutableRawPointer?, _: Int, _ data: UnsafeMutableRawPointer?) {
  data?.assumingMemoryBound(to: Counts.self).pointee.fields += 1
}

private func onRecord(_: Int32, _ data: UnsafeMutableRawPointer?) {
  data?.assumingMemoryBound(to: Counts.self).pointee.records += 1
}

func fail(_ message: String) -> Never {
  let line = "plaint-bench: \(message)\n"
  _ = line.withCString { write(2, $0, strlen($0)) }
  exit(2)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2, arguments[0] == "parse" else {
  fail("usage: plaint-bench parse FILE [--delimiter C]")
}
let path = arguments[1]
var delimiter = UInt8(ascii: ",")
if let index = arguments.firstIndex(of: "--delimiter"), index + 1 < arguments.count {
  delimiter = arguments[index + 1].utf8.first ?? delimiter
}
let file = open(path, O_RDONLY)
guard file >= 0 else { fail("cannot open \(path)") }
var parser = csv_parser()
guard csv_init(&parser, 0) == 0 else { fail("cannot initialise libcsv") }
csv_set_delim(&parser, delimiter)
let size = 1 << 20
let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
var counts = Counts()
var bytes = 0
var start = timespec()
clock_gettime(CLOCK_MONOTONIC, &start)
while true {
  let count = read(file, buffer, size)
  guard count >= 0 else { fail("cannot read \(path)") }
  if count == 0 { break }
  bytes += count
  let parsed = csv_parse(&parser, buffer, count, onField, onRecord, &counts)
  guard parsed == count else { fail(String(cString: csv_strerror(csv_error(&parser)))) }
}
csv_fini(&parser, onField, onRecord, &counts)
var end = timespec()
clock_gettime(CLOCK_MONOTONIC, &end)
let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
print("bytes=\(bytes) records=\(counts.records) fields=\(counts.fields) seconds=\(seconds)")
