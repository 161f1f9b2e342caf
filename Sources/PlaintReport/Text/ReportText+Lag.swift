import PlaintCore

/// The words for periods still filling in (publication lag) and for series silent for their
/// whole baseline, in every language, and the sentences built from them.
extension ReportText {
  /// "2026-04 is still filling in: …", from the coverage's publication-lag evidence. The level is
  /// rounded half away from zero, as the log line rounds it (190.5 is "about 191" in both).
  func fillingInNotice(_ report: ReportModel) -> String {
    let found = report.coverage.fillingIn
    var line =
      fillingInRunNotice(report)
      ?? self(
        found?.counts == "every_complaint" ? .noticeFillingInEveryComplaint : .noticeFillingIn,
        period(report.period), count(found?.complaints ?? 0),
        short((found?.expected ?? 0).rounded(), decimals: 0), count(found?.baselinePeriods ?? 0),
        count(found?.lowerLimit ?? 0))
    if let whole = report.coverage.latestWholePeriod {
      line += self(.noticeLatestWhole, period(whole))
    }
    return line
  }

  /// The product lines still filling in in a whole period; nil when none is.
  func linesFillingIn(_ report: ReportModel) -> String? {
    let lines = report.coverage.fillingIn?.lines ?? []
    guard !lines.isEmpty, report.coverage.period == "whole" else { return nil }
    // Complaints in no product line have no cell of their own: said in words of their own.
    let named = lines.filter { $0 != Cell.unassigned }
    var notes: [String] = []
    if !named.isEmpty {
      notes.append(
        self(.noticeLinesFillingIn, list(named.map(productLine)), period(report.period)))
    }
    if named.count < lines.count {
      notes.append(self(.noticeUnassignedFillingIn, period(report.period)))
    }
    return notes.joined(separator: " ")
  }

  /// The cells with complaints in the period after none in their whole baseline: no verdict,
  /// and why; nil when there are none.
  public func silentCells(_ report: ReportModel) -> String? {
    let silent = report.cells.compactMap { cell -> String? in
      guard let last = cell.series.last(where: { $0.period == report.period }),
        last.status == .silentBaseline
      else { return nil }
      return "\(self.cell(cell.category, cell.productLine, cell.tier)) (\(count(last.count)))"
    }
    guard !silent.isEmpty else { return nil }
    let shown = list(Array(silent.prefix(10)))
    return self(
      .silentCells, period(report.period),
      shown + (silent.count > 10 ? " (+\(count(silent.count - 10)))" : ""))
  }

  /// A slice's values with complaints after none in their whole baseline; nil when none.
  func sliceSilent(_ section: ReportModel.SliceSection, period: String) -> String? {
    let silent = section.values.filter { $0.status == .silentBaseline && $0.periodCount > 0 }
    guard !silent.isEmpty else { return nil }
    return self(
      .sliceSilent, section.name, self.period(period),
      list(silent.prefix(10).map(\.value))
        + (silent.count > 10 ? " (+\(count(silent.count - 10)))" : ""))
  }

  /// The language's table of these words.
  static func lagPhrases(_ language: ReportLanguage) -> [ReportPhrase: String] {
    switch language {
    case .english: englishLagPhrases
    case .german: germanLagPhrases
    case .french: frenchLagPhrases
    case .spanish: spanishLagPhrases
    case .polish: polishLagPhrases
    case .turkish: turkishLagPhrases
    case .greek: greekLagPhrases
    case .chinese: chineseLagPhrases
    }
  }

  static let englishLagPhrases: [ReportPhrase: String] = [
    .statusFillingIn: "still filling in",
    .statusSilentBaseline: "silent before",
    .noticeFillingIn:
      "{0} is still filling in: its {1} complaints in product lines are far below the level of the {3} whole periods before it, about {2} a period (fewer than {4} is far below), and fall away from the period before, and the export's last days are far below that level too. Rows published late look like this; so does a drop at the very end of the data, and the two cannot be told apart until more rows arrive. Its counts are shown; nothing is judged until the data fills in.",
    .noticeFillingInEveryComplaint:
      "{0} is still filling in: its {1} complaints (most are in no product line, so every complaint counts) are far below the level of the {3} whole periods before it, about {2} a period (fewer than {4} is far below), and fall away from the period before, and the export's last days are far below that level too. Rows published late look like this; so does a drop at the very end of the data, and the two cannot be told apart until more rows arrive. Its counts are shown; nothing is judged until the data fills in.",
    .noticeLinesFillingIn:
      "Still filling in in {1} (far fewer rows than before, at the end of their export): {0}. Their cells are not judged, and the roll-ups holding them are partial.",
    .noticeUnassignedFillingIn:
      "Complaints in no product line are still filling in in {0} (far fewer rows than before, at the end of their export): they are in no cell, so nothing of theirs is judged, and the totals that count them are partial.",
    .unjudgedFillingIn: "not judged (still filling in)",
    .nothingJudgedFillingIn: "Nothing is judged in a period still filling in.",
    .gapFillingIn:
      "still filling in: far fewer rows than before, at the end of the export; shown, not judged",
    .sliceNotJudgedFillingIn:
      "The values of {0} were not judged in {1}: the period is still filling in.",
    .silentCells:
      "No verdict in {0} for cells silent for their whole baseline: with no complaint in any baseline period there is no level to judge a count against, and a limit of 0 would flag any complaint: {1}.",
    .sliceSilent:
      "Values of {0} with complaints in {1} after none in any period of their baseline, so no verdict against a centre of 0: {2}.",
  ]

  static let germanLagPhrases: [ReportPhrase: String] = [
    .statusFillingIn: "füllt sich noch",
    .statusSilentBaseline: "zuvor ohne Beschwerden",
    .noticeFillingIn:
      "{0} füllt sich noch: seine {1} Beschwerden in Produktlinien liegen weit unter den {2} je Periode der {3} vollständigen Perioden davor (unter {4} gilt als weit darunter) und fallen gegenüber der Periode davor ab, und auch die letzten Tage des Exports liegen weit unter diesem Niveau. So sehen spät veröffentlichte Zeilen aus; ebenso ein Rückgang ganz am Ende der Daten, und beides ist erst zu unterscheiden, wenn weitere Zeilen eintreffen. Die Zahlen werden gezeigt; beurteilt wird nichts, bis die Daten nachgeliefert sind.",
    .noticeFillingInEveryComplaint:
      "{0} füllt sich noch: seine {1} Beschwerden (die meisten sind keiner Produktlinie zugeordnet, daher zählt jede Beschwerde) liegen weit unter den {2} je Periode der {3} vollständigen Perioden davor (unter {4} gilt als weit darunter) und fallen gegenüber der Periode davor ab, und auch die letzten Tage des Exports liegen weit unter diesem Niveau. So sehen spät veröffentlichte Zeilen aus; ebenso ein Rückgang ganz am Ende der Daten, und beides ist erst zu unterscheiden, wenn weitere Zeilen eintreffen. Die Zahlen werden gezeigt; beurteilt wird nichts, bis die Daten nachgeliefert sind.",
    .noticeLinesFillingIn:
      "In {1} füllen sich noch (weit weniger Zeilen als zuvor, am Ende ihres Exports): {0}. Ihre Zellen werden nicht beurteilt, und die Summen, die sie enthalten, sind angebrochen.",
    .noticeUnassignedFillingIn:
      "Beschwerden ohne Produktlinie füllen sich in {0} noch (weit weniger Zeilen als zuvor, am Ende ihres Exports): sie gehören zu keiner Zelle, also wird von ihnen nichts beurteilt, und die Summen, die sie mitzählen, sind angebrochen.",
    .unjudgedFillingIn: "nicht beurteilt (füllt sich noch)",
    .nothingJudgedFillingIn: "In einer Periode, die sich noch füllt, wird nichts beurteilt.",
    .gapFillingIn:
      "füllt sich noch: weit weniger Zeilen als zuvor, am Ende des Exports; gezeigt, nicht beurteilt",
    .sliceNotJudgedFillingIn:
      "Die Werte von {0} wurden in {1} nicht beurteilt: die Periode füllt sich noch.",
    .silentCells:
      "Kein Urteil in {0} für Zellen ohne jede Beschwerde in ihrer Basis: ohne Niveau lässt sich keine Zahl beurteilen, und eine Grenze von 0 würde jede Beschwerde melden: {1}.",
    .sliceSilent:
      "Werte von {0} mit Beschwerden in {1} nach keiner einzigen in ihrer Basis, daher kein Urteil gegen eine Mittellinie von 0: {2}.",
  ]

  static let frenchLagPhrases: [ReportPhrase: String] = [
    .statusFillingIn: "se remplit encore",
    .statusSilentBaseline: "sans plainte avant",
    .noticeFillingIn:
      "{0} se remplit encore : ses {1} plaintes dans des lignes de produits sont très en dessous des {2} par période des {3} périodes complètes qui la précèdent (moins de {4} est très en dessous) et chutent par rapport à la période d'avant, et les derniers jours de l'export sont eux aussi très en dessous de ce niveau. C'est l'allure de lignes publiées tard ; c'est aussi celle d'une baisse à la toute fin des données, et les deux ne se distinguent qu'à l'arrivée de nouvelles lignes. Ses comptes sont affichés ; rien n'est jugé tant que les données ne sont pas complètes.",
    .noticeFillingInEveryComplaint:
      "{0} se remplit encore : ses {1} plaintes (la plupart ne relèvent d'aucune ligne de produits : chaque plainte compte) sont très en dessous des {2} par période des {3} périodes complètes qui la précèdent (moins de {4} est très en dessous) et chutent par rapport à la période d'avant, et les derniers jours de l'export sont eux aussi très en dessous de ce niveau. C'est l'allure de lignes publiées tard ; c'est aussi celle d'une baisse à la toute fin des données, et les deux ne se distinguent qu'à l'arrivée de nouvelles lignes. Ses comptes sont affichés ; rien n'est jugé tant que les données ne sont pas complètes.",
    .noticeLinesFillingIn:
      "Encore en cours de remplissage en {1} (bien moins de lignes qu'avant, à la fin de leur export) : {0}. Leurs cellules ne sont pas jugées, et les agrégats qui les contiennent sont partiels.",
    .noticeUnassignedFillingIn:
      "Les plaintes sans ligne de produit se remplissent encore en {0} (bien moins de lignes qu'avant, à la fin de leur export) : elles n'appartiennent à aucune cellule, rien d'elles n'est donc jugé, et les totaux qui les comptent sont partiels.",
    .unjudgedFillingIn: "non jugé (se remplit encore)",
    .nothingJudgedFillingIn: "Rien n'est jugé dans une période qui se remplit encore.",
    .gapFillingIn:
      "se remplit encore : bien moins de lignes qu'avant, à la fin de l'export ; affichée, non jugée",
    .sliceNotJudgedFillingIn:
      "Les valeurs de {0} n'ont pas été jugées en {1} : la période se remplit encore.",
    .silentCells:
      "Aucun verdict en {0} pour les cellules sans aucune plainte dans leur base : sans niveau, aucun compte ne peut être jugé, et une limite de 0 signalerait toute plainte : {1}.",
    .sliceSilent:
      "Valeurs de {0} avec des plaintes en {1} après aucune dans leur base, donc aucun verdict contre un centre de 0 : {2}.",
  ]

  static let spanishLagPhrases: [ReportPhrase: String] = [
    .statusFillingIn: "aún se completa",
    .statusSilentBaseline: "sin quejas antes",
    .noticeFillingIn:
      "{0} aún se está completando: sus {1} quejas en líneas de producto quedan muy por debajo de las {2} por periodo de los {3} periodos completos anteriores (menos de {4} es muy por debajo) y caen respecto al periodo anterior, y los últimos días de la exportación también quedan muy por debajo de ese nivel. Así se ven las filas publicadas con retraso; también una caída al final mismo de los datos, y no se distinguen hasta que lleguen más filas. Se muestran sus recuentos; no se juzga nada hasta que lleguen los datos.",
    .noticeFillingInEveryComplaint:
      "{0} aún se está completando: sus {1} quejas (la mayoría no pertenece a ninguna línea de producto, así que cuenta cada queja) quedan muy por debajo de las {2} por periodo de los {3} periodos completos anteriores (menos de {4} es muy por debajo) y caen respecto al periodo anterior, y los últimos días de la exportación también quedan muy por debajo de ese nivel. Así se ven las filas publicadas con retraso; también una caída al final mismo de los datos, y no se distinguen hasta que lleguen más filas. Se muestran sus recuentos; no se juzga nada hasta que lleguen los datos.",
    .noticeLinesFillingIn:
      "Aún se completan en {1} (muchas menos filas que antes, al final de su exportación): {0}. Sus celdas no se juzgan, y los agregados que las contienen son parciales.",
    .noticeUnassignedFillingIn:
      "Las quejas sin línea de producto aún se completan en {0} (muchas menos filas que antes, al final de su exportación): no pertenecen a ninguna celda, así que nada de ellas se juzga, y los totales que las cuentan son parciales.",
    .unjudgedFillingIn: "sin juzgar (aún se completa)",
    .nothingJudgedFillingIn: "No se juzga nada en un periodo que aún se está completando.",
    .gapFillingIn:
      "aún se completa: muchas menos filas que antes, al final de la exportación; se muestra, sin juzgar",
    .sliceNotJudgedFillingIn:
      "Los valores de {0} no se juzgaron en {1}: el periodo aún se está completando.",
    .silentCells:
      "Sin veredicto en {0} para celdas sin ninguna queja en su línea base: sin un nivel no hay contra qué juzgar un recuento, y un límite de 0 marcaría cualquier queja: {1}.",
    .sliceSilent:
      "Valores de {0} con quejas en {1} tras ninguna en su línea base, así que sin veredicto frente a un centro de 0: {2}.",
  ]

  static let polishLagPhrases: [ReportPhrase: String] = [
    .statusFillingIn: "wciąż się uzupełnia",
    .statusSilentBaseline: "wcześniej bez skarg",
    .noticeFillingIn:
      "{0} wciąż się uzupełnia: jego {1} skarg w liniach produktów to znacznie mniej niż {2} na okres w {3} pełnych okresach przed nim (poniżej {4} to znacznie mniej) i spada względem poprzedniego okresu, a ostatnie dni eksportu także są znacznie poniżej tego poziomu. Tak wyglądają wiersze publikowane z opóźnieniem; tak samo spadek na samym końcu danych, i nie da się ich odróżnić, dopóki nie napłyną kolejne wiersze. Liczby są pokazane; nic nie jest oceniane, dopóki dane nie napłyną.",
    .noticeFillingInEveryComplaint:
      "{0} wciąż się uzupełnia: jego {1} skarg (większość nie należy do żadnej linii produktów, więc liczy się każda skarga) to znacznie mniej niż {2} na okres w {3} pełnych okresach przed nim (poniżej {4} to znacznie mniej) i spada względem poprzedniego okresu, a ostatnie dni eksportu także są znacznie poniżej tego poziomu. Tak wyglądają wiersze publikowane z opóźnieniem; tak samo spadek na samym końcu danych, i nie da się ich odróżnić, dopóki nie napłyną kolejne wiersze. Liczby są pokazane; nic nie jest oceniane, dopóki dane nie napłyną.",
    .noticeLinesFillingIn:
      "Wciąż uzupełniane w okresie {1} (znacznie mniej wierszy niż wcześniej, na końcu ich eksportu): {0}. Ich komórki nie są oceniane, a zbiorcze serie, które je zawierają, są częściowe.",
    .noticeUnassignedFillingIn:
      "Skargi bez linii produktowej wciąż są uzupełniane w okresie {0} (znacznie mniej wierszy niż wcześniej, na końcu ich eksportu): nie należą do żadnej komórki, więc nic z nich nie jest oceniane, a sumy, które je liczą, są częściowe.",
    .unjudgedFillingIn: "bez oceny (wciąż się uzupełnia)",
    .nothingJudgedFillingIn: "W okresie, który wciąż się uzupełnia, nic nie jest oceniane.",
    .gapFillingIn:
      "wciąż się uzupełnia: znacznie mniej wierszy niż wcześniej, na końcu eksportu; pokazane, bez oceny",
    .sliceNotJudgedFillingIn:
      "Wartości {0} nie zostały ocenione w okresie {1}: okres wciąż się uzupełnia.",
    .silentCells:
      "Brak oceny w okresie {0} dla komórek bez żadnej skargi w okresie bazowym: bez poziomu nie ma do czego porównać liczby, a granica 0 oznaczyłaby każdą skargę: {1}.",
    .sliceSilent:
      "Wartości {0} ze skargami w okresie {1} po braku jakichkolwiek w okresie bazowym, więc bez oceny względem linii centralnej 0: {2}.",
  ]

  static let turkishLagPhrases: [ReportPhrase: String] = [
    .statusFillingIn: "hâlâ doluyor",
    .statusSilentBaseline: "önceden şikâyetsiz",
    .noticeFillingIn:
      "{0} hâlâ doluyor: ürün hatlarındaki {1} şikâyeti, önceki {3} tam dönemin dönem başına {2} düzeyinin çok altında ({4} altı çok altında sayılır) ve bir önceki döneme göre düşüyor; dışa aktarımın son günleri de bu düzeyin çok altında. Geç yayımlanan satırlar böyle görünür; verinin en sonundaki bir düşüş de öyle, ve yeni satırlar gelene kadar ikisi ayırt edilemez. Sayılar gösterilir; veriler tamamlanana kadar hiçbir şey değerlendirilmez.",
    .noticeFillingInEveryComplaint:
      "{0} hâlâ doluyor: {1} şikâyeti (çoğu hiçbir ürün hattında olmadığından her şikâyet sayılır), önceki {3} tam dönemin dönem başına {2} düzeyinin çok altında ({4} altı çok altında sayılır) ve bir önceki döneme göre düşüyor; dışa aktarımın son günleri de bu düzeyin çok altında. Geç yayımlanan satırlar böyle görünür; verinin en sonundaki bir düşüş de öyle, ve yeni satırlar gelene kadar ikisi ayırt edilemez. Sayılar gösterilir; veriler tamamlanana kadar hiçbir şey değerlendirilmez.",
    .noticeLinesFillingIn:
      "{1} döneminde hâlâ doluyor (dışa aktarımlarının sonunda, öncekinden çok daha az satır): {0}. Hücreleri değerlendirilmez ve onları içeren toplamlar kısmidir.",
    .noticeUnassignedFillingIn:
      "Ürün hattı olmayan şikâyetler {0} döneminde hâlâ doluyor (dışa aktarımlarının sonunda, öncekinden çok daha az satır): hiçbir hücreye ait değiller, bu yüzden hiçbiri değerlendirilmez ve onları sayan toplamlar kısmidir.",
    .unjudgedFillingIn: "değerlendirilmedi (hâlâ doluyor)",
    .nothingJudgedFillingIn: "Hâlâ dolmakta olan bir dönemde hiçbir şey değerlendirilmez.",
    .gapFillingIn:
      "hâlâ doluyor: dışa aktarımın sonunda, öncekinden çok daha az satır; gösterilir, değerlendirilmez",
    .sliceNotJudgedFillingIn: "{0} değerleri {1} döneminde değerlendirilmedi: dönem hâlâ doluyor.",
    .silentCells:
      "{0} döneminde, taban dönemlerinde hiç şikâyet olmayan hücreler için karar yok: bir düzey olmadan sayı değerlendirilemez ve 0 sınırı her şikâyeti işaretlerdi: {1}.",
    .sliceSilent:
      "Taban dönemlerinde hiç şikâyet yokken {1} döneminde şikâyet alan {0} değerleri; 0 merkezine karşı karar verilmez: {2}.",
  ]

  static let greekLagPhrases: [ReportPhrase: String] = [
    .statusFillingIn: "ακόμη συμπληρώνεται",
    .statusSilentBaseline: "χωρίς παράπονα πριν",
    .noticeFillingIn:
      "Η περίοδος {0} ακόμη συμπληρώνεται: τα {1} παράπονά της σε σειρές προϊόντων είναι πολύ κάτω από τα {2} ανά περίοδο των {3} πλήρων περιόδων πριν από αυτήν (κάτω από {4} θεωρείται πολύ κάτω) και πέφτουν σε σχέση με την προηγούμενη περίοδο, και οι τελευταίες ημέρες της εξαγωγής είναι επίσης πολύ κάτω από αυτό το επίπεδο. Έτσι φαίνονται οι γραμμές που δημοσιεύονται με καθυστέρηση· έτσι και μια πτώση στο τέλος των δεδομένων, και τα δύο δεν ξεχωρίζουν μέχρι να φτάσουν περισσότερες γραμμές. Τα πλήθη εμφανίζονται· τίποτα δεν κρίνεται μέχρι να συμπληρωθούν τα δεδομένα.",
    .noticeFillingInEveryComplaint:
      "Η περίοδος {0} ακόμη συμπληρώνεται: τα {1} παράπονά της (τα περισσότερα δεν ανήκουν σε καμία σειρά προϊόντων, οπότε μετρά κάθε παράπονο) είναι πολύ κάτω από τα {2} ανά περίοδο των {3} πλήρων περιόδων πριν από αυτήν (κάτω από {4} θεωρείται πολύ κάτω) και πέφτουν σε σχέση με την προηγούμενη περίοδο, και οι τελευταίες ημέρες της εξαγωγής είναι επίσης πολύ κάτω από αυτό το επίπεδο. Έτσι φαίνονται οι γραμμές που δημοσιεύονται με καθυστέρηση· έτσι και μια πτώση στο τέλος των δεδομένων, και τα δύο δεν ξεχωρίζουν μέχρι να φτάσουν περισσότερες γραμμές. Τα πλήθη εμφανίζονται· τίποτα δεν κρίνεται μέχρι να συμπληρωθούν τα δεδομένα.",
    .noticeLinesFillingIn:
      "Ακόμη συμπληρώνονται στην περίοδο {1} (πολύ λιγότερες γραμμές από πριν, στο τέλος της εξαγωγής τους): {0}. Τα κελιά τους δεν κρίνονται και τα σύνολα που τα περιέχουν είναι μερικά.",
    .noticeUnassignedFillingIn:
      "Τα παράπονα χωρίς γραμμή προϊόντων ακόμη συμπληρώνονται στην περίοδο {0} (πολύ λιγότερες γραμμές από πριν, στο τέλος της εξαγωγής τους): δεν ανήκουν σε κανένα κελί, οπότε τίποτα από αυτά δεν κρίνεται, και τα σύνολα που τα μετρούν είναι μερικά.",
    .unjudgedFillingIn: "δεν κρίθηκε (ακόμη συμπληρώνεται)",
    .nothingJudgedFillingIn: "Τίποτα δεν κρίνεται σε περίοδο που ακόμη συμπληρώνεται.",
    .gapFillingIn:
      "ακόμη συμπληρώνεται: πολύ λιγότερες γραμμές από πριν, στο τέλος της εξαγωγής· εμφανίζεται, δεν κρίνεται",
    .sliceNotJudgedFillingIn:
      "Οι τιμές του {0} δεν κρίθηκαν στην περίοδο {1}: η περίοδος ακόμη συμπληρώνεται.",
    .silentCells:
      "Καμία ετυμηγορία στην περίοδο {0} για κελιά χωρίς κανένα παράπονο στη βάση τους: χωρίς επίπεδο δεν υπάρχει μέτρο για να κριθεί ένα πλήθος, και ένα όριο 0 θα σήμαινε κάθε παράπονο: {1}.",
    .sliceSilent:
      "Τιμές του {0} με παράπονα στην περίοδο {1} μετά από κανένα στη βάση τους, άρα καμία ετυμηγορία έναντι κέντρου 0: {2}.",
  ]

  static let chineseLagPhrases: [ReportPhrase: String] = [
    .statusFillingIn: "仍在补录中",
    .statusSilentBaseline: "此前无投诉",
    .noticeFillingIn:
      "{0} 仍在补录中：其产品线中的 {1} 条投诉远低于此前 {3} 个完整期间每期约 {2} 条的水平（低于 {4} 即为远低于），且较上一期下降，导出的最后几天也远低于该水平。行数据延迟发布会是这样；数据末尾的真实下降也是这样，在更多行数据到来之前两者无法区分。显示其计数；在数据补齐之前不作任何判定。",
    .noticeFillingInEveryComplaint:
      "{0} 仍在补录中：其 {1} 条投诉（多数不属于任何产品线，因此计入每一条投诉）远低于此前 {3} 个完整期间每期约 {2} 条的水平（低于 {4} 即为远低于），且较上一期下降，导出的最后几天也远低于该水平。行数据延迟发布会是这样；数据末尾的真实下降也是这样，在更多行数据到来之前两者无法区分。显示其计数；在数据补齐之前不作任何判定。",
    .noticeLinesFillingIn: "{1} 仍在补录中（位于其导出末尾，行数远少于此前）：{0}。其单元不作判定，包含它们的汇总为部分覆盖。",
    .noticeUnassignedFillingIn:
      "不属于任何产品线的投诉在 {0} 仍在补录中（位于其导出末尾，行数远少于此前）：它们不属于任何单元，因此不作判定，计入它们的合计为部分覆盖。",
    .unjudgedFillingIn: "未判定（仍在补录中）",
    .nothingJudgedFillingIn: "仍在补录中的期间不作任何判定。",
    .gapFillingIn: "仍在补录中：位于导出末尾，行数远少于此前；显示，不判定",
    .sliceNotJudgedFillingIn: "{1} 中未判断 {0} 的取值：该期仍在补录中。",
    .silentCells: "{0} 中以下单元的基线期内没有任何投诉，因此不作结论：没有水平可供比较，而 0 的上限会标记任何投诉：{1}。",
    .sliceSilent: "{0} 的这些取值在 {1} 有投诉，但其基线期内没有任何投诉，因此不以 0 为中心线作结论：{2}。",
  ]
}
