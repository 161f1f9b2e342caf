import ArgumentParser
import PlaintEngine

struct TaxonomyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "taxonomy",
    abstract: "Check the taxonomy against the stored tickets or a labelled sample; mine phrases.",
    subcommands: [Test.self, Suggest.self])

  struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Per rule: matches, share, wins and sample texts; with --labels: accuracy.",
      discussion: """
        Without --labels: every issue rule's matches, share and wins over the stored tickets, \
        a seeded sample of the text it matched, the rules that never fired and the issues that \
        match the same tickets. With --labels FILE (a CSV of id,issue): coverage, accuracy, \
        precision and recall per issue, the most frequent confusions and one line per mistake. \
        Exit 0 whatever the score, or 3 when --min-accuracy is given and missed.
        """)

    @OptionGroup var common: CommonOptions

    @Option(help: "A CSV of id,issue: the tickets a person sorted by hand.")
    var labels: String?

    @Option(help: "Score only this half of the labels (train or test), split by id.")
    var split: SampleHalf?

    @Option(help: "With --labels: exit 3 when the accuracy (0–1) is below this.")
    var minAccuracy: Double?

    @Option(help: "Seed of the sample texts shown per rule.")
    var seed: UInt64 = 1

    @Option(help: "Sample texts shown per rule.")
    var samples = 3

    @Option(help: "text or json.")
    var format: ListingFormat = .text

    @Option(help: "Read this store instead of the config's `store`.")
    var store: String?

    func validate() throws {
      if labels == nil && (split != nil || minAccuracy != nil) {
        throw ValidationError("--split and --min-accuracy need --labels")
      }
      if let minAccuracy, !(0...1).contains(minAccuracy) {
        throw ValidationError("--min-accuracy is a share between 0 and 1, not \(minAccuracy)")
      }
    }

    func run() throws {
      let test = try failing {
        try TaxonomyTest.run(
          configurationPath: common.config, store: store, labels: labels, half: split,
          seed: seed, samples: samples)
      }
      print(format == .json ? try failing { try test.json() } : test.text)
      if let minAccuracy, let accuracy = test.evaluation?.accuracy, accuracy < minAccuracy {
        printError(
          "accuracy \(TaxonomyTest.percent(accuracy)) is below --min-accuracy "
            + TaxonomyTest.percent(minAccuracy))
        throw ExitCode(ExitStatus.anomalies.rawValue)
      }
    }
  }

  struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Mine phrases and priorities from labelled tickets; print them as YAML to paste.",
      discussion: """
        Words, stems and two- and three-word phrases that mark an issue in the labelled \
        tickets, each with its precision and support, and priority changes for conflicts the \
        labels settle. With --split train, they are mined from one half and scored on the other. \
        The taxonomy file is never written.
        """)

    @OptionGroup var common: CommonOptions

    @Option(help: "A CSV of id,issue: the tickets a person sorted by hand.")
    var labels: String

    @Option(help: "Mine only this half (train or test) and score the other.")
    var split: SampleHalf?

    @Option(help: "A phrase must match at least this many tickets of its issue.")
    var minSupport = 3

    @Option(help: "A phrase's tickets must carry its issue at least this often (0–1).")
    var minPrecision = 0.6

    @Option(help: "A phrase or priority must turn at least this many tickets right, net.")
    var minGain = 2

    @Option(help: "At most this many new phrases per issue.")
    var maxPhrases = 12

    @Option(help: "Read this store instead of the config's `store`.")
    var store: String?

    func run() throws {
      let options = PhraseSuggestionOptions(
        minSupport: minSupport, minPrecision: minPrecision, minGain: minGain,
        maxPerIssue: maxPhrases)
      let suggestion = try failing {
        try TaxonomySuggest.run(
          configurationPath: common.config, store: store, labels: labels, half: split,
          options: options)
      }
      print(suggestion.text)
    }
  }
}

extension SampleHalf: ExpressibleByArgument {}
