import Testing

@testable import PlaintCore

@Suite("Classifier languages")
struct ClassifierLanguageTests {
  @Test(
    "English",
    arguments: [
      LanguageCase("My kettle BROKE after a week", "product.defect", "Kettles"),
      LanguageCase("It is broken!!", "product.defect"),
      LanguageCase("Air-fryer stopped-working.", "product.defect", "Air Fryers"),
      LanguageCase("I want a refund.", "policy.refund"),
      LanguageCase("I want my MONEY BACK", "policy.refund"),
      LanguageCase("The staff was RUDE to me", "service.rude_staff"),
      LanguageCase("Two kettles, late delivery", "service.late_delivery", "Kettles"),
      LanguageCase("Thanks for the quick help", "other.unclassified"),
    ])
  func english(_ row: LanguageCase) {
    #expect(row.actual == (row.issue, row.productLine))
  }

  @Test(
    "German: ß and ss, umlauts",
    arguments: [
      LanguageCase("Die Heißluftfritteuse funktioniert nicht mehr", "product.defect", "Air Fryers"),
      LanguageCase("HEISSLUFTFRITTEUSE ist DEFEKT", "product.defect", "Air Fryers"),
      LanguageCase("Gerät hat einen Defekten Stecker", "product.defect"),
      LanguageCase("Ich möchte eine Rückerstattung", "policy.refund"),
      LanguageCase("RUCKERSTATTUNG bitte", "policy.refund"),
      LanguageCase("GELD ZURÜCK!", "policy.refund"),
      LanguageCase("Wasserkocher: Lieferung verspätet", "service.late_delivery", "Kettles"),
      LanguageCase("Der Mitarbeiter war unfreundlich", "service.rude_staff"),
    ])
  func german(_ row: LanguageCase) {
    #expect(row.actual == (row.issue, row.productLine))
  }

  @Test(
    "Polish: ł, ą, ę, ó, ź",
    arguments: [
      LanguageCase("Frytkownica nie działa", "product.defect", "Air Fryers"),
      LanguageCase("NIE DZIAŁA od wczoraj", "product.defect"),
      LanguageCase("nie dziala", "product.defect"),
      LanguageCase("Czajnik uszkodzony przy dostawie", "product.defect", "Kettles"),
      LanguageCase("Proszę o zwrot pieniędzy", "policy.refund"),
      LanguageCase("ZWROT PIENIEDZY", "policy.refund"),
      LanguageCase("Kurier był niegrzeczny", "service.rude_staff"),
      LanguageCase("Łódź: przesyłka opóźniona", "service.late_delivery"),
    ])
  func polish(_ row: LanguageCase) {
    #expect(row.actual == (row.issue, row.productLine))
  }

  @Test(
    "Turkish: dotted and dotless i",
    arguments: [
      LanguageCase("Ürün ARIZALI geldi", "product.defect"),
      LanguageCase("ürün arızalı", "product.defect"),
      LanguageCase("urun arizali", "product.defect"),
      LanguageCase("İstanbul mağazasında personel KABA DAVRANDI", "service.rude_staff"),
      LanguageCase("PARA İADESİ istiyorum", "policy.refund"),
      LanguageCase("SU ISITICISI geç teslimat", "service.late_delivery", "Kettles"),
    ])
  func turkish(_ row: LanguageCase) {
    #expect(row.actual == (row.issue, row.productLine))
  }

  @Test(
    "Chinese: substrings inside sentences without spaces",
    arguments: [
      LanguageCase("我的空气炸锅坏了", "product.defect", "Air Fryers"),
      LanguageCase("电水壶出现故障了，怎么办？", "product.defect", "Kettles"),
      LanguageCase("客服态度很差我要退款", "service.rude_staff"),
      LanguageCase("快递太慢了", "service.late_delivery"),
      LanguageCase("我的iPhone坏了", "product.defect"),
    ])
  func chinese(_ row: LanguageCase) {
    #expect(row.actual == (row.issue, row.productLine))
  }

  @Test(
    "Greek: accents, final sigma, upper case",
    arguments: [
      LanguageCase("Ο ΒΡΑΣΤΗΡΑΣ είναι χαλασμένο", "product.defect", "Kettles"),
      LanguageCase("ο βραστηρασ ειναι χαλασμενο", "product.defect", "Kettles"),
      LanguageCase("Θέλω επιστροφή χρημάτων", "policy.refund"),
      LanguageCase("ΕΠΙΣΤΡΟΦΗ ΧΡΗΜΑΤΩΝ ΤΩΡΑ", "policy.refund"),
      LanguageCase("Ο υπάλληλος ήταν ΑΓΕΝΉΣ", "service.rude_staff"),
      LanguageCase("μεγάλη καθυστέρηση", "service.late_delivery"),
    ])
  func greek(_ row: LanguageCase) {
    #expect(row.actual == (row.issue, row.productLine))
  }

  @Test(
    "French and Spanish accents",
    arguments: [
      LanguageCase("La friteuse à air ne fonctionne plus", "product.defect", "Air Fryers"),
      LanguageCase("LA FRITEUSE A AIR NE FONCTIONNE PLUS", "product.defect", "Air Fryers"),
      LanguageCase("Je veux un REMBOURSEMENT", "policy.refund"),
      LanguageCase("Livraison en retard, bouilloire", "service.late_delivery", "Kettles"),
      LanguageCase("Le vendeur était impoli", "service.rude_staff"),
      LanguageCase("El hervidor no funciona", "product.defect", "Kettles"),
      LanguageCase("Quiero la DEVOLUCION", "policy.refund"),
      LanguageCase("Entrega tardia", "service.late_delivery"),
      LanguageCase("El empleado fue grosero", "service.rude_staff"),
    ])
  func frenchAndSpanish(_ row: LanguageCase) {
    #expect(row.actual == (row.issue, row.productLine))
  }

  @Test(
    "Whole words in alphabetic scripts; a trailing * matches any word ending",
    arguments: [
      ("refund", "refund", true), ("refund", "Refund.", true), ("refund", "(refund)", true),
      ("refund", "refund-request", true), ("refund", "refunds", false),
      ("refund", "prefund", false), ("refund", "refunded", false), ("refund*", "refunds", true),
      ("refund*", "REFUNDED", true), ("refund*", "refund", true), ("refund*", "prefunds", false),
      ("money back", "money  back", true), ("money back", "money-back", true),
      ("money back", "moneyback", false), ("money back", "money backs", false),
      ("坏", "我的东西坏了", true), ("iphone", "我的iPhone坏了", true), ("iphone", "xiphone", false),
      ("故障", "故障", true), ("arizali", "arızalıydı", false), ("arizali*", "arızalıydı", true),
    ])
  func wholeWords(phrase: String, text: String, matches: Bool) {
    let classifier = Classifier(
      taxonomy: Taxonomy(
        issues: [Taxonomy.Issue(category: .policy, name: "probe", phrases: [phrase])],
        productLines: []))
    let result = classifier.classify(text: text, product: nil, sourceCategory: nil)
    #expect((result.issue == "probe") == matches)
  }
}
