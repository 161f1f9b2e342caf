/// Every configuration default in one place: a key left out of `plaint.yml` takes this value.
enum Defaults {
  static let store = "plaint.db"
  static let period = "month"
  static let timezone = "UTC"
  static let taxonomy = "taxonomy.yml"
  static let profile = "generic"
  static let encoding = "auto"
  static let delimiter = "auto"
  static let header = true

  static let controlMethod = "auto"
  static let sigma = 3.0
  static let baselinePeriods = 12
  static let minBaselinePeriods = 6
  static let minCount = 3
  static let rules = ["beyond_limit", "run_of_8", "trend_of_6", "two_of_three_beyond_2sigma"]
  static let fdr: Double? = 0.03
  static let runRules = "watch"
  static let smallCountWeight = 1.0

  static let paretoThreshold = 0.8
  static let paretoWindow = 1
  static let repeatCustomerMin = 3
  static let recurrenceWindow = 3
  static let slaHours = 72.0

  static let reportsDir = "reports"
  static let formats = ["html", "md", "json", "csv"]
  static let customerNames = false
}
