import ArgumentParser
import PlaintEngine

struct Profiles: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the built-in export profiles: the headers each reads, what each export lacks.")

  @Option(help: "text or json.")
  var format: ListingFormat = .text

  func run() {
    print(format == .json ? ProfileListing.json() : ProfileListing.text())
  }
}

enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}
