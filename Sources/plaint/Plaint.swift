import ArgumentParser

@main
struct Plaint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plaint",
    abstract: "Complaint analytics: grid, control limits, Pareto and anomaly reports.")
}
