import PlaintCore

/// The languages narratives are written in; the order is the order phrases appear in the taxonomy.
enum Language: String, CaseIterable {
  case en, de, fr, es, pl, tr, el, zh
}

/// One product line of the fictional appliance maker.
struct ProductLine {
  let name: String
  let skus: [String]
  /// The SKU glob written into the taxonomy.
  let glob: String
  /// Consumer units sold in an average month of the first year.
  let baseUnits: Double
  /// Consumer list price in euros.
  let price: Double
  /// Words for the product, by language: the first are used in narratives, all go into the
  /// taxonomy (a trailing `*` is a stem there and is dropped in narratives).
  let words: [Language: [String]]

  /// The nouns used in narratives, without stem markers.
  func nouns(_ language: Language) -> [String] {
    (words[language] ?? []).map { $0.hasSuffix("*") ? String($0.dropLast()) : $0 }
  }
}

/// A sub-category of complaints and everything needed to write and recognise it.
struct Issue {
  let key: String
  let category: Category
  /// The help desk's own category value (zendesk `Category` column).
  let sourceValue: String
  /// Taxonomy phrases by language.
  let phrases: [Language: [String]]
  /// Short ticket subjects, by language; may hold `{product}`.
  let subjects: [Language: [String]]
  /// Sentences that state the complaint, by language; each holds one of the phrases.
  let sentences: [Language: [String]]
  /// Monthly complaints per 1,000 consumer units before line factors.
  let rate: Double
}

/// A key-account customer: a company with an e-mail domain (help desk) and a customer number
/// (legacy shop).
struct KeyAccount {
  let domain: String
  let customerID: String
  let name: String
  let language: Language
  let contacts: [(local: String, name: String)]
  let weight: Double
}

/// The fictional company behind the demo: product lines, issues and key accounts.
enum Catalog {
  static let lines: [ProductLine] = [
    ProductLine(
      name: "Air Fryers", skus: ["AF-1200", "AF-1500", "AF-2200XL"], glob: "AF-*",
      baseUnits: 38_000, price: 99,
      words: [
        .en: ["air fryer*"], .de: ["Heißluftfritteuse*", "Airfryer*"],
        .fr: ["friteuse sans huile", "friteuse à air"], .es: ["freidora de aire"],
        .pl: ["frytkownica beztłuszczowa", "frytkownica na gorące powietrze"],
        .tr: ["hava fritözü", "fritöz*"], .el: ["φριτέζα αέρος"], .zh: ["空气炸锅"],
      ]),
    ProductLine(
      name: "Coffee Machines", skus: ["CM-3400", "CM-3600", "CM-5100"], glob: "CM-*",
      baseUnits: 26_000, price: 349,
      words: [
        .en: ["coffee machine*", "espresso machine*", "coffee maker*"],
        .de: ["Kaffeemaschine*", "Kaffeevollautomat*"],
        .fr: ["machine à café", "cafetière*"], .es: ["cafetera*"],
        .pl: ["ekspres do kawy", "ekspres*"], .tr: ["kahve makinesi", "kahve makinası"],
        .el: ["καφετιέρα*", "μηχανή εσπρέσο"], .zh: ["咖啡机"],
      ]),
    ProductLine(
      name: "Robot Vacuums", skus: ["RV-700", "RV-750", "RV-900"], glob: "RV-*",
      baseUnits: 30_000, price: 399,
      words: [
        .en: ["robot vacuum*", "robot hoover*"], .de: ["Saugroboter*", "Staubsaugerroboter*"],
        .fr: ["aspirateur robot*"], .es: ["robot aspirador*"],
        .pl: ["robot sprzątający", "odkurzacz automatyczny"], .tr: ["robot süpürge*"],
        .el: ["ρομποτική σκούπα"], .zh: ["扫地机器人", "扫地机"],
      ]),
    ProductLine(
      name: "Kettles", skus: ["KT-100", "KT-120", "KT-300"], glob: "KT-*",
      baseUnits: 34_000, price: 39,
      words: [
        .en: ["kettle*"], .de: ["Wasserkocher*"], .fr: ["bouilloire*"],
        .es: ["hervidor de agua", "hervidor*"], .pl: ["czajnik elektryczny", "czajnik*"],
        .tr: ["su ısıtıcısı", "su ısıtıcı"], .el: ["βραστήρας", "βραστήρα"],
        .zh: ["电水壶", "烧水壶"],
      ]),
    ProductLine(
      name: "Blenders", skus: ["BL-600", "BL-800"], glob: "BL-*",
      baseUnits: 18_000, price: 79,
      words: [
        .en: ["blender*"], .de: ["Standmixer*", "Hochleistungsmixer*"], .fr: ["mixeur*"],
        .es: ["batidora*", "licuadora*"], .pl: ["blender kielichowy"], .tr: ["blender"],
        .el: ["μπλέντερ"], .zh: ["搅拌机", "破壁机"],
      ]),
    ProductLine(
      name: "Hair Dryers", skus: ["HD-2000", "HD-2400"], glob: "HD-*",
      baseUnits: 24_000, price: 59,
      words: [
        .en: ["hair dryer*", "hairdryer*"], .de: ["Haartrockner*", "Föhn"],
        .fr: ["sèche-cheveux"], .es: ["secador de pelo"],
        .pl: ["suszarka do włosów", "suszarki do włosów"], .tr: ["saç kurutma makinesi"],
        .el: ["πιστολάκι μαλλιών", "σεσουάρ"], .zh: ["吹风机", "电吹风"],
      ]),
    ProductLine(
      name: "Smart Scales", skus: ["SC-10", "SC-20"], glob: "SC-*",
      baseUnits: 14_000, price: 45,
      words: [
        .en: ["smart scale*", "bathroom scale*"], .de: ["Körperwaage*", "Personenwaage*"],
        .fr: ["balance connectée", "pèse-personne"], .es: ["báscula*"],
        .pl: ["waga łazienkowa", "waga inteligentna"], .tr: ["akıllı tartı", "baskül"],
        .el: ["ζυγαριά μπάνιου", "έξυπνη ζυγαριά"], .zh: ["体脂秤", "智能体重秤"],
      ]),
  ]

  static func line(named name: String) -> Int {
    lines.firstIndex { $0.name == name } ?? 0
  }

  /// How much more or less often each line sees an issue than the base rate, by issue key;
  /// missing entries are 1. Leaks need water, overheating needs a heating element.
  static let lineFactors: [String: [Double]] = [
    "defect": [1.0, 1.2, 1.4, 0.8, 1.0, 0.9, 0.7],
    "overheating": [1.4, 0.6, 0.3, 0.8, 0.6, 1.8, 0.05],
    "leak": [0.05, 1.0, 0.4, 1.2, 0.5, 0.02, 0.02],
    "rude_staff": [1, 1, 7, 1, 1, 1, 1],
    "slow_response": [1, 1, 7, 1, 1, 1, 1],
    "no_callback": [1, 1, 7, 1, 1, 1, 1],
  ]

  /// Seasonal index of sales by calendar month (Q4 peak).
  static let season: [Double] = [
    0.88, 0.80, 0.86, 0.90, 0.95, 0.92, 0.88, 0.90, 0.98, 1.05, 1.30, 1.58,
  ]

  static let keyAccounts: [KeyAccount] = [
    KeyAccount(
      domain: "hotelgroup-nord.de", customerID: "K-10017", name: "Hotelgruppe Nord GmbH",
      language: .de,
      contacts: [
        ("einkauf", "Einkauf Hotelgruppe Nord"), ("m.schulz", "Martina Schulz"),
        ("haustechnik", "Haustechnik Hotelgruppe Nord"),
      ], weight: 3),
    KeyAccount(
      domain: "bueroservice-mayer.de", customerID: "K-10042", name: "Büroservice Mayer KG",
      language: .de, contacts: [("t.mayer", "Thomas Mayer"), ("office", "Büroservice Mayer")],
      weight: 1.5),
    KeyAccount(
      domain: "alpenhof-hotels.at", customerID: "K-10088", name: "Alpenhof Hotels GmbH",
      language: .de,
      contacts: [("technik", "Technik Alpenhof"), ("s.gruber", "Sabine Gruber")], weight: 1.5),
    KeyAccount(
      domain: "cafe-centrum.pl", customerID: "K-20011", name: "Café Centrum Sp. z o.o.",
      language: .pl,
      contacts: [("zakupy", "Dział Zakupów"), ("a.kowalczyk", "Agnieszka Kowalczyk")],
      weight: 1.5),
    KeyAccount(
      domain: "kuchnia-plus.pl", customerID: "K-20035", name: "Kuchnia Plus S.A.", language: .pl,
      contacts: [("serwis", "Serwis Kuchnia Plus")], weight: 1),
    KeyAccount(
      domain: "marmara-otelcilik.com.tr", customerID: "K-30007", name: "Marmara Otelcilik A.Ş.",
      language: .tr,
      contacts: [("satinalma", "Satın Alma Birimi"), ("e.kaya", "Emre Kaya")], weight: 1.5),
    KeyAccount(
      domain: "athens-suites.gr", customerID: "K-40003", name: "Athens Suites A.E.",
      language: .el, contacts: [("promithies", "Γιώργος Νικολάου")], weight: 1),
    KeyAccount(
      domain: "residences-azur.fr", customerID: "K-50021", name: "Résidences Azur SARL",
      language: .fr,
      contacts: [("achats", "Service Achats"), ("c.moreau", "Claire Moreau")], weight: 1),
    KeyAccount(
      domain: "hostal-sol.es", customerID: "K-60014", name: "Hostal Sol S.L.", language: .es,
      contacts: [("compras", "Compras Hostal Sol")], weight: 0.8),
    KeyAccount(
      domain: "officepoint.co.uk", customerID: "K-70002", name: "OfficePoint Ltd", language: .en,
      contacts: [("facilities", "OfficePoint Facilities"), ("j.hughes", "James Hughes")],
      weight: 1.5),
    KeyAccount(
      domain: "huamei-hotels.cn", customerID: "K-80005", name: "华美酒店管理有限公司",
      language: .zh, contacts: [("caigou", "采购部")], weight: 0.8),
  ]
}
