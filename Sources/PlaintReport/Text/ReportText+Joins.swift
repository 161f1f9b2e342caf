/// The words for an export that joined a product line's exports mid-history, in every language.
extension ReportText {
  /// One sentence per join in the reported period's reach (`coverage.joins`, the
  /// `export_joined` warning): "Kettles: exports/large.csv joined exports/shop.csv in 2024-07
  /// and carries 97 % of its complaints since …".
  func exportJoinedNotices(_ report: ReportModel) -> [String] {
    let reach = Set(
      report.cells.first?.series.suffix(report.method.baselinePeriods).map(\.period) ?? [])
    return (report.coverage.joins ?? []).filter { reach.contains($0.period) }.map { join in
      self(
        .noticeExportJoined, join.productLine, list(join.files), list(join.beside),
        period(join.period), wholePercent(number: fixed(join.added * 100, decimals: 0)))
    }
  }

  /// The language's table of these words.
  static func joinPhrases(_ language: ReportLanguage) -> [ReportPhrase: String] {
    switch language {
    case .english:
      [
        .noticeExportJoined:
          "{0}: {1} joined {2} in {3}, and carries {4} of its complaints since. Its counts before are not comparable with those after, so its baseline starts again in {3}, and so do those of the roll-ups the new rows lift by a fifth or more."
      ]
    case .german:
      [
        .noticeExportJoined:
          "{0}: {1} kam in {3} zu {2} hinzu und trägt seither {4} ihrer Beschwerden. Ihre Zahlen davor sind mit denen danach nicht vergleichbar, daher beginnt ihre Basislinie in {3} neu, ebenso die der Summen, die die neuen Zeilen um ein Fünftel oder mehr anheben."
      ]
    case .french:
      [
        .noticeExportJoined:
          "{0} : {1} s'est ajouté à {2} en {3} et porte depuis {4} de ses réclamations. Ses comptes d'avant ne sont pas comparables à ceux d'après : sa base repart donc en {3}, comme celles des agrégats que les nouvelles lignes augmentent d'un cinquième ou plus."
      ]
    case .spanish:
      [
        .noticeExportJoined:
          "{0}: {1} se sumó a {2} en {3} y lleva desde entonces {4} de sus reclamaciones. Sus recuentos de antes no son comparables con los de después, así que su base empieza de nuevo en {3}, y también las de los agregados que las nuevas filas elevan una quinta parte o más."
      ]
    case .polish:
      [
        .noticeExportJoined:
          "{0}: {1} dołączył do {2} w {3} i od tej pory obejmuje {4} jej reklamacji. Jej liczby sprzed tego nie są porównywalne z późniejszymi, więc jej linia bazowa zaczyna się od nowa w {3}, podobnie jak linie bazowe sum, które nowe wiersze podnoszą o jedną piątą lub więcej."
      ]
    case .turkish:
      [
        .noticeExportJoined:
          "{0}: {1}, {3} döneminde {2} dosyasına katıldı ve o zamandan beri şikâyetlerinin {4} kadarını taşıyor. Önceki sayıları sonrakilerle karşılaştırılamaz; bu yüzden taban çizgisi {3} döneminde yeniden başlar, yeni satırların beşte bir veya daha fazla artırdığı toplamlarınki de öyle."
      ]
    case .greek:
      [
        .noticeExportJoined:
          "{0}: το {1} προστέθηκε δίπλα στο {2} το {3} και φέρει από τότε το {4} των παραπόνων της. Τα πλήθη της πριν δεν συγκρίνονται με τα μετά, οπότε η βάση της ξεκινά ξανά το {3}, όπως και οι βάσεις των αθροισμάτων που οι νέες γραμμές ανεβάζουν κατά ένα πέμπτο ή περισσότερο."
      ]
    case .chinese:
      [
        .noticeExportJoined:
          "{0}：{1}于{3}加入{2}，此后承载其{4}的投诉。此前的计数与此后不可比，因此其基线自{3}起重新开始；新增行使其上升五分之一或更多的汇总也同样重新开始。"
      ]
    }
  }
}
