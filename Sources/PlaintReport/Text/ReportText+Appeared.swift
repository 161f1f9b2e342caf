/// The words for a series silent for its whole baseline that now has a burst of complaints
/// (a watch with the id `appeared`), in every language, and the sentences built from them.
extension ReportText {
  /// What a watch is listed for: "appeared: 50 complaints after none in 12 periods (p …)" for a
  /// series silent for its whole baseline, else the names of the rules it completed.
  public func watchReasons(_ watch: ReportModel.Anomaly) -> String {
    guard watch.rules == [Self.appearedRule], let periods = watch.baselinePeriods else {
      return watch.rules.map(rule).joined(separator: ", ")
    }
    return self(.watchAppeared, count(watch.count), count(periods), probability(watch.pValue))
  }

  /// A slice value's watch for a burst after none in its whole baseline, in one sentence (the
  /// renderers add its p-value, as for every slice finding); nil for any other finding.
  func sliceAppeared(_ item: ReportModel.SliceSignal, slice: String, period: String) -> String? {
    guard item.rules == [Self.appearedRule], let periods = item.baselinePeriods else { return nil }
    return self(
      .sliceAppeared, slice, item.value, self.period(period), count(item.count), count(periods))
  }

  /// The id of a watch on a series silent for its whole baseline (`DetectorSettings.appearedRule`).
  static let appearedRule = "appeared"

  /// The language's table of these words.
  static func appearedPhrases(_ language: ReportLanguage) -> [ReportPhrase: String] {
    switch language {
    case .english: englishAppearedPhrases
    case .german: germanAppearedPhrases
    case .french: frenchAppearedPhrases
    case .spanish: spanishAppearedPhrases
    case .polish: polishAppearedPhrases
    case .turkish: turkishAppearedPhrases
    case .greek: greekAppearedPhrases
    case .chinese: chineseAppearedPhrases
    }
  }

  static let englishAppearedPhrases: [ReportPhrase: String] = [
    .ruleAppeared: "appeared",
    .watchAppeared: "appeared: {0} complaints after none in {1} periods (p {2})",
    .sliceAppeared:
      "Watch: {0} {1} appeared in {2}: {3} complaints after none in {4} periods. Silent before, so no verdict against a centre of 0.",
  ]

  static let germanAppearedPhrases: [ReportPhrase: String] = [
    .ruleAppeared: "neu aufgetreten",
    .watchAppeared: "neu aufgetreten: {0} Beschwerden nach keiner in {1} Perioden (p {2})",
    .sliceAppeared:
      "Beobachten: {0} {1} ist in {2} neu aufgetreten: {3} Beschwerden nach keiner in {4} Perioden. Zuvor ohne Beschwerden, daher kein Urteil gegen eine Mittellinie von 0.",
  ]

  static let frenchAppearedPhrases: [ReportPhrase: String] = [
    .ruleAppeared: "apparu",
    .watchAppeared: "apparu : {0} réclamations après aucune en {1} périodes (p {2})",
    .sliceAppeared:
      "À surveiller : {0} {1} est apparu en {2} : {3} réclamations après aucune en {4} périodes. Sans plainte avant, donc aucun verdict contre un centre de 0.",
  ]

  static let spanishAppearedPhrases: [ReportPhrase: String] = [
    .ruleAppeared: "aparecido",
    .watchAppeared: "aparecido: {0} reclamaciones tras ninguna en {1} periodos (p {2})",
    .sliceAppeared:
      "En observación: {0} {1} apareció en {2}: {3} reclamaciones tras ninguna en {4} periodos. Sin quejas antes, así que sin veredicto frente a un centro de 0.",
  ]

  static let polishAppearedPhrases: [ReportPhrase: String] = [
    .ruleAppeared: "pojawienie się",
    .watchAppeared: "pojawienie się: {0} skarg po żadnej w {1} okresach (p {2})",
    .sliceAppeared:
      "Do obserwacji: {0} {1} pojawia się w okresie {2}: {3} skarg po żadnej w {4} okresach. Wcześniej bez skarg, więc bez oceny wobec linii centralnej 0.",
  ]

  static let turkishAppearedPhrases: [ReportPhrase: String] = [
    .ruleAppeared: "yeni ortaya çıktı",
    .watchAppeared: "yeni ortaya çıktı: {1} dönemde hiç yokken {0} şikâyet (p {2})",
    .sliceAppeared:
      "İzlemede: {0} {1}, {2} döneminde ortaya çıktı: {4} dönemde hiç yokken {3} şikâyet. Önceden şikâyet yoktu, bu yüzden 0 merkezine karşı karar verilmez.",
  ]

  static let greekAppearedPhrases: [ReportPhrase: String] = [
    .ruleAppeared: "νέα εμφάνιση",
    .watchAppeared: "νέα εμφάνιση: {0} παράπονα μετά από κανένα σε {1} περιόδους (p {2})",
    .sliceAppeared:
      "Υπό παρακολούθηση: {0} {1} εμφανίστηκε στην περίοδο {2}: {3} παράπονα μετά από κανένα σε {4} περιόδους. Χωρίς παράπονα πριν, άρα καμία κρίση έναντι κέντρου 0.",
  ]

  static let chineseAppearedPhrases: [ReportPhrase: String] = [
    .ruleAppeared: "新出现",
    .watchAppeared: "新出现：此前 {1} 个周期为零，本期 {0} 条投诉（p {2}）",
    .sliceAppeared:
      "观察：{0} {1} 在 {2} 新出现：此前 {4} 个周期为零，本期 {3} 条投诉。此前无投诉，因此不以中心线 0 作出判定。",
  ]
}
