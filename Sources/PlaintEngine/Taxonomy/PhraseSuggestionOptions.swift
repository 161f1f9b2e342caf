import PlaintCore

/// The thresholds of `plaint taxonomy suggest`.
public typealias PhraseSuggestionOptions = PhraseSuggestions.Options
