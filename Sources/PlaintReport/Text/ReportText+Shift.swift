import PlaintCore

/// The words for level shifts a rolling baseline follows, in every language, and the sentence
/// built from them.
extension ReportText {
  /// The cells whose baseline follows a level shift: one sentence saying what that means, and
  /// one line per cell ("product / Kettles / consumer: level shift since 2022-07, new level about
  /// 83 a period against 18.4 before; judged against the new level since 2023-01"); nil when no
  /// cell's baseline follows one.
  public func levelShifts(_ report: ReportModel) -> (intro: String, items: [String])? {
    let items = report.cells.compactMap { cell -> String? in
      guard let shift = cell.baseline?.shift else { return nil }
      let name = self.cell(cell.category, cell.productLine, cell.tier)
      let level = short(shift.level, decimals: 1)
      let before = short(shift.levelBefore, decimals: 1)
      if shift.confirmed == report.period {
        return self(
          .levelShiftConfirmedItem, name, period(shift.since), level, before,
          period(shift.confirmed), period(shift.judgedFrom))
      }
      return self(
        .levelShiftItem, name, period(shift.since), level, before, period(shift.judgedFrom))
    }
    guard !items.isEmpty else { return nil }
    let method = report.method
    let run = DetectorSettings.shiftRunLength(
      rebaselineAfter: method.rebaselineAfter, minBaselinePeriods: method.minBaselinePeriods)
    return (self(.levelShifts, count(run ?? 0)), items)
  }

  /// The language's table of these words.
  static func shiftPhrases(_ language: ReportLanguage) -> [ReportPhrase: String] {
    switch language {
    case .english: englishShiftPhrases
    case .german: germanShiftPhrases
    case .french: frenchShiftPhrases
    case .spanish: spanishShiftPhrases
    case .polish: polishShiftPhrases
    case .turkish: turkishShiftPhrases
    case .greek: greekShiftPhrases
    case .chinese: chineseShiftPhrases
    }
  }

  static let englishShiftPhrases: [ReportPhrase: String] = [
    .procedureRebaseline:
      "A step that holds for {0} judged periods in a row, begun beyond a limit, becomes the new level: later periods are judged against a baseline that starts at the shift.",
    .levelShifts:
      "These cells' baselines follow a level shift: {0} judged periods in a row began beyond a limit and stayed on that side of the centre, so the baseline starts again at the shift and a lasting change is not flagged for ever.",
    .levelShiftItem:
      "{0}: level shift since {1}, new level about {2} a period against {3} before; judged against the new level since {4}",
    .levelShiftConfirmedItem:
      "{0}: level shift since {1}, new level about {2} a period against {3} before, confirmed in {4}; judged against the new level from {5}",
  ]

  static let germanShiftPhrases: [ReportPhrase: String] = [
    .procedureRebaseline:
      "Eine Stufe, die {0} beurteilte Perioden in Folge hält und jenseits einer Grenze begann, wird zum neuen Niveau: spätere Perioden werden an einer Basis beurteilt, die bei der Verschiebung beginnt.",
    .levelShifts:
      "Die Basis dieser Zellen folgt einer Niveauverschiebung: {0} beurteilte Perioden in Folge begannen jenseits einer Grenze und blieben auf dieser Seite der Mittellinie, daher beginnt die Basis bei der Verschiebung neu, und eine dauerhafte Änderung wird nicht für immer gemeldet.",
    .levelShiftItem:
      "{0}: Niveauverschiebung seit {1}, neues Niveau etwa {2} je Periode gegenüber {3} zuvor; seit {4} am neuen Niveau beurteilt",
    .levelShiftConfirmedItem:
      "{0}: Niveauverschiebung seit {1}, neues Niveau etwa {2} je Periode gegenüber {3} zuvor, bestätigt in {4}; ab {5} am neuen Niveau beurteilt",
  ]

  static let frenchShiftPhrases: [ReportPhrase: String] = [
    .procedureRebaseline:
      "Une marche qui tient {0} périodes jugées d'affilée, commencée au-delà d'une limite, devient le nouveau niveau : les périodes suivantes sont jugées par rapport à une base qui commence au changement.",
    .levelShifts:
      "Bases qui suivent un changement de niveau ({0} périodes jugées d'affilée, commencées au-delà d'une limite et restées de ce côté du centre ; la base repart alors du changement, pour qu'un changement durable ne soit pas signalé indéfiniment).",
    .levelShiftItem:
      "{0} : changement de niveau depuis {1}, nouveau niveau d'environ {2} par période contre {3} avant ; jugé par rapport au nouveau niveau depuis {4}",
    .levelShiftConfirmedItem:
      "{0} : changement de niveau depuis {1}, nouveau niveau d'environ {2} par période contre {3} avant, confirmé en {4} ; jugé par rapport au nouveau niveau à partir de {5}",
  ]

  static let spanishShiftPhrases: [ReportPhrase: String] = [
    .procedureRebaseline:
      "Un escalón que se mantiene {0} periodos juzgados seguidos, iniciado más allá de un límite, pasa a ser el nuevo nivel: los periodos siguientes se juzgan frente a una línea base que empieza en el cambio.",
    .levelShifts:
      "Líneas base que siguen un cambio de nivel ({0} periodos juzgados seguidos que empezaron más allá de un límite y siguieron de ese lado del centro; la línea base empieza entonces en el cambio, para que un cambio duradero no se marque para siempre).",
    .levelShiftItem:
      "{0}: cambio de nivel desde {1}, nuevo nivel de unas {2} por periodo frente a {3} antes; juzgado frente al nuevo nivel desde {4}",
    .levelShiftConfirmedItem:
      "{0}: cambio de nivel desde {1}, nuevo nivel de unas {2} por periodo frente a {3} antes, confirmado en {4}; juzgado frente al nuevo nivel a partir de {5}",
  ]

  static let polishShiftPhrases: [ReportPhrase: String] = [
    .procedureRebaseline:
      "Skok, który utrzymuje się przez {0} ocenionych okresów z rzędu i zaczął się poza granicą, staje się nowym poziomem: kolejne okresy są oceniane względem bazy zaczynającej się od zmiany.",
    .levelShifts:
      "Okresy bazowe, które podążają za zmianą poziomu ({0} ocenionych okresów z rzędu, które zaczęły się poza granicą i pozostały po tej stronie linii centralnej; baza zaczyna się wtedy od zmiany, aby trwała zmiana nie była zgłaszana bez końca).",
    .levelShiftItem:
      "{0}: zmiana poziomu od {1}, nowy poziom około {2} na okres wobec {3} wcześniej; oceniane względem nowego poziomu od {4}",
    .levelShiftConfirmedItem:
      "{0}: zmiana poziomu od {1}, nowy poziom około {2} na okres wobec {3} wcześniej, potwierdzona w okresie {4}; oceniane względem nowego poziomu od {5}",
  ]

  static let turkishShiftPhrases: [ReportPhrase: String] = [
    .procedureRebaseline:
      "Bir sınırın ötesinde başlayıp art arda {0} değerlendirilmiş dönem süren bir basamak yeni düzey olur: sonraki dönemler kaymadan başlayan bir tabana göre değerlendirilir.",
    .levelShifts:
      "Düzey kaymasını izleyen tabanlar (bir sınırın ötesinde başlayıp merkezin o tarafında kalan art arda {0} değerlendirilmiş dönem; taban bu durumda kaymadan başlar, böylece kalıcı bir değişiklik sonsuza dek işaretlenmez).",
    .levelShiftItem:
      "{0}: {1} döneminden beri düzey kayması, yeni düzey dönem başına yaklaşık {2}, önceki {3}; {4} döneminden beri yeni düzeye göre değerlendirilir",
    .levelShiftConfirmedItem:
      "{0}: {1} döneminden beri düzey kayması, yeni düzey dönem başına yaklaşık {2}, önceki {3}, {4} döneminde doğrulandı; {5} döneminden itibaren yeni düzeye göre değerlendirilir",
  ]

  static let greekShiftPhrases: [ReportPhrase: String] = [
    .procedureRebaseline:
      "Ένα σκαλοπάτι που διαρκεί {0} κριθείσες περιόδους στη σειρά και ξεκίνησε πέρα από ένα όριο γίνεται το νέο επίπεδο: οι επόμενες περίοδοι κρίνονται με βάση που ξεκινά από τη μετατόπιση.",
    .levelShifts:
      "Βάσεις που ακολουθούν μετατόπιση επιπέδου ({0} κριθείσες περίοδοι στη σειρά που ξεκίνησαν πέρα από ένα όριο και έμειναν από εκείνη την πλευρά του κέντρου· η βάση τότε ξεκινά από τη μετατόπιση, ώστε μια διαρκής αλλαγή να μη σημαίνεται για πάντα).",
    .levelShiftItem:
      "{0}: μετατόπιση επιπέδου από την περίοδο {1}, νέο επίπεδο περίπου {2} ανά περίοδο έναντι {3} πριν· κρίνεται με βάση το νέο επίπεδο από την περίοδο {4}",
    .levelShiftConfirmedItem:
      "{0}: μετατόπιση επιπέδου από την περίοδο {1}, νέο επίπεδο περίπου {2} ανά περίοδο έναντι {3} πριν, επιβεβαιώθηκε στην περίοδο {4}· κρίνεται με βάση το νέο επίπεδο από την περίοδο {5}",
  ]

  static let chineseShiftPhrases: [ReportPhrase: String] = [
    .procedureRebaseline: "始于超出控制限、并连续保持 {0} 个已判定期间的阶跃成为新水平：此后的期间以从移动处开始的基线判定。",
    .levelShifts:
      "基线跟随水平移动的单元（连续 {0} 个已判定期间始于超出控制限并一直位于中心线同一侧；此后基线从移动处开始，使持久的变化不会被一直标记）。",
    .levelShiftItem: "{0}：自 {1} 起水平移动，新水平约每期 {2}，此前为 {3}；自 {4} 起按新水平判定",
    .levelShiftConfirmedItem: "{0}：自 {1} 起水平移动，新水平约每期 {2}，此前为 {3}，于 {4} 确认；自 {5} 起按新水平判定",
  ]
}
