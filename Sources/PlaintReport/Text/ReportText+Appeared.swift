import PlaintCore

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

  /// How a burst after a silent baseline is tested, as a sentence after the method's; "" when
  /// the report lists no such watch.
  func appearedMethod(_ report: ReportModel) -> String {
    let listed =
      report.watches.contains { $0.rules == [Self.appearedRule] }
      || (report.slices ?? []).contains { slice in
        slice.signals.contains { $0.rules == [Self.appearedRule] }
      }
    guard listed else { return "" }
    return " "
      + self(.methodAppeared, count(report.method.minCount), plain(DetectorSettings.appearedLevel))
  }

  /// The id of a watch on a series silent for its whole baseline.
  static let appearedRule = DetectorSettings.appearedRule

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
    .methodAppeared:
      "A series with no complaint in any period of its baseline is not judged against a centre of 0; with at least {0} complaints now it is tested exactly against the baseline's none, weighed by the periods' exposure (x complaints given x are Binomial(x, n / (n + N))), and listed as a watch, appeared, when p ≤ {1}.",
    .sliceAppeared:
      "Watch: {0} {1} appeared in {2}: {3} complaints after none in {4} periods. Silent before, so no verdict against a centre of 0.",
  ]

  static let germanAppearedPhrases: [ReportPhrase: String] = [
    .ruleAppeared: "neu aufgetreten",
    .watchAppeared: "neu aufgetreten: {0} Beschwerden nach keiner in {1} Perioden (p {2})",
    .methodAppeared:
      "Eine Reihe ohne Beschwerde in jeder Periode ihrer Basis wird nicht gegen eine Mittellinie von 0 beurteilt; mit mindestens {0} Beschwerden jetzt wird sie exakt gegen die Null der Basis getestet, gewichtet nach der Exposition der Perioden (x Beschwerden bei insgesamt x sind Binomial(x, n / (n + N))), und bei p ≤ {1} als neu aufgetreten zur Beobachtung gelistet.",
    .sliceAppeared:
      "Beobachten: {0} {1} ist in {2} neu aufgetreten: {3} Beschwerden nach keiner in {4} Perioden. Zuvor ohne Beschwerden, daher kein Urteil gegen eine Mittellinie von 0.",
  ]

  static let frenchAppearedPhrases: [ReportPhrase: String] = [
    .ruleAppeared: "apparu",
    .watchAppeared: "apparu : {0} réclamations après aucune en {1} périodes (p {2})",
    .methodAppeared:
      "Une série sans aucune plainte dans les périodes de sa base n'est pas jugée contre un centre de 0 ; avec au moins {0} réclamations maintenant, elle est testée exactement contre le zéro de la base, pondéré par l'exposition des périodes (x réclamations sachant x suivent Binomiale(x, n / (n + N))), et listée à surveiller, apparue, quand p ≤ {1}.",
    .sliceAppeared:
      "À surveiller : {0} {1} est apparu en {2} : {3} réclamations après aucune en {4} périodes. Sans plainte avant, donc aucun verdict contre un centre de 0.",
  ]

  static let spanishAppearedPhrases: [ReportPhrase: String] = [
    .ruleAppeared: "aparecido",
    .watchAppeared: "aparecido: {0} reclamaciones tras ninguna en {1} periodos (p {2})",
    .methodAppeared:
      "Una serie sin ninguna queja en los periodos de su línea base no se juzga frente a un centro de 0; con al menos {0} reclamaciones ahora se contrasta de forma exacta frente al cero de la base, ponderado por la exposición de los periodos (x reclamaciones dado x siguen Binomial(x, n / (n + N))), y se lista en observación, aparecida, cuando p ≤ {1}.",
    .sliceAppeared:
      "En observación: {0} {1} apareció en {2}: {3} reclamaciones tras ninguna en {4} periodos. Sin quejas antes, así que sin veredicto frente a un centro de 0.",
  ]

  static let polishAppearedPhrases: [ReportPhrase: String] = [
    .ruleAppeared: "pojawienie się",
    .watchAppeared: "pojawienie się: {0} skarg po żadnej w {1} okresach (p {2})",
    .methodAppeared:
      "Seria bez żadnej skargi w okresach swojej bazy nie jest oceniana wobec linii centralnej 0; przy co najmniej {0} skargach teraz jest testowana dokładnie wobec zera bazy, z wagą ekspozycji okresów (x skarg przy łącznie x ma rozkład dwumianowy (x, n / (n + N))), i trafia do obserwacji jako pojawienie się, gdy p ≤ {1}.",
    .sliceAppeared:
      "Do obserwacji: {0} {1} pojawia się w okresie {2}: {3} skarg po żadnej w {4} okresach. Wcześniej bez skarg, więc bez oceny wobec linii centralnej 0.",
  ]

  static let turkishAppearedPhrases: [ReportPhrase: String] = [
    .ruleAppeared: "yeni ortaya çıktı",
    .watchAppeared: "yeni ortaya çıktı: {1} dönemde hiç yokken {0} şikâyet (p {2})",
    .methodAppeared:
      "Taban dönemlerinin hiçbirinde şikâyeti olmayan bir seri 0 merkezine karşı değerlendirilmez; şimdi en az {0} şikâyet varsa tabanın sıfırına karşı, dönemlerin maruziyetiyle ağırlıklı kesin bir testle sınanır (toplam x içinde x şikâyet İkiterimli(x, n / (n + N)) dağılır) ve p ≤ {1} olduğunda yeni ortaya çıkan olarak izlemeye alınır.",
    .sliceAppeared:
      "İzlemede: {0} {1}, {2} döneminde ortaya çıktı: {4} dönemde hiç yokken {3} şikâyet. Önceden şikâyet yoktu, bu yüzden 0 merkezine karşı karar verilmez.",
  ]

  static let greekAppearedPhrases: [ReportPhrase: String] = [
    .ruleAppeared: "νέα εμφάνιση",
    .watchAppeared: "νέα εμφάνιση: {0} παράπονα μετά από κανένα σε {1} περιόδους (p {2})",
    .methodAppeared:
      "Μια σειρά χωρίς κανένα παράπονο στις περιόδους της βάσης της δεν κρίνεται έναντι κέντρου 0· με τουλάχιστον {0} παράπονα τώρα ελέγχεται ακριβώς έναντι του μηδενός της βάσης, σταθμισμένα με την έκθεση των περιόδων (x παράπονα δεδομένου x ακολουθούν Διωνυμική(x, n / (n + N))), και καταγράφεται υπό παρακολούθηση ως νέα εμφάνιση όταν p ≤ {1}.",
    .sliceAppeared:
      "Υπό παρακολούθηση: {0} {1} εμφανίστηκε στην περίοδο {2}: {3} παράπονα μετά από κανένα σε {4} περιόδους. Χωρίς παράπονα πριν, άρα καμία κρίση έναντι κέντρου 0.",
  ]

  static let chineseAppearedPhrases: [ReportPhrase: String] = [
    .ruleAppeared: "新出现",
    .watchAppeared: "新出现：此前 {1} 个周期为零，本期 {0} 条投诉（p {2}）",
    .methodAppeared:
      "基线各期均无投诉的序列不以中心线 0 判定；本期至少 {0} 条投诉时，按各期暴露量对基线的零进行精确检验（在共 x 条的条件下 x 条服从二项分布 (x, n / (n + N))），p ≤ {1} 时列为待观察：新出现。",
    .sliceAppeared:
      "观察：{0} {1} 在 {2} 新出现：此前 {4} 个周期为零，本期 {3} 条投诉。此前无投诉，因此不以中心线 0 作出判定。",
  ]
}
