/// Fictional customers and agents; names are drawn from per-language lists.
enum People {
  struct Names {
    let first: [String]
    let last: [String]
    /// E-mail spellings of the names, same order, ASCII only.
    let firstASCII: [String]
    let lastASCII: [String]
    let providers: [String]
  }

  static func names(_ language: Language) -> Names {
    switch language {
    case .en:
      Names(
        first: [
          "Emma", "Oliver", "Sophie", "James", "Amelia", "Harry", "Chloe", "Jack", "Grace",
          "Daniel",
        ],
        last: [
          "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Wright", "Hughes",
          "Clarke",
        ],
        firstASCII: [], lastASCII: [],
        providers: ["gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk"])
    case .de:
      Names(
        first: [
          "Anna", "Lukas", "Jürgen", "Sabine", "Felix", "Maria", "Günther", "Lea", "Stefan", "Jörg",
        ],
        last: [
          "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
          "Hoffmann", "Schäfer",
        ],
        firstASCII: [
          "anna", "lukas", "juergen", "sabine", "felix", "maria", "guenther", "lea", "stefan",
          "joerg",
        ],
        lastASCII: [
          "mueller", "schmidt", "schneider", "fischer", "weber", "meyer", "wagner", "becker",
          "hoffmann", "schaefer",
        ],
        providers: ["gmx.de", "web.de", "t-online.de", "posteo.de", "gmail.com"])
    case .fr:
      Names(
        first: ["Camille", "Louis", "Léa", "Hugo", "Chloé", "Élodie", "Julien", "Manon"],
        last: ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Roux"],
        firstASCII: ["camille", "louis", "lea", "hugo", "chloe", "elodie", "julien", "manon"],
        lastASCII: [
          "martin", "bernard", "dubois", "lefevre", "moreau", "laurent", "girard", "roux",
        ],
        providers: ["orange.fr", "free.fr", "laposte.net", "gmail.com"])
    case .es:
      Names(
        first: ["Lucía", "Hugo", "Martina", "Pablo", "Sofía", "Álvaro", "Carmen", "Javier"],
        last: ["García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz"],
        firstASCII: ["lucia", "hugo", "martina", "pablo", "sofia", "alvaro", "carmen", "javier"],
        lastASCII: [
          "garcia", "fernandez", "lopez", "martinez", "sanchez", "perez", "gomez", "ruiz",
        ],
        providers: ["gmail.com", "hotmail.es", "telefonica.net"])
    case .pl:
      Names(
        first: [
          "Katarzyna", "Piotr", "Małgorzata", "Tomasz", "Agnieszka", "Paweł", "Łukasz", "Zofia",
        ],
        last: [
          "Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski", "Zieliński",
          "Dąbrowska",
        ],
        firstASCII: [
          "katarzyna", "piotr", "malgorzata", "tomasz", "agnieszka", "pawel", "lukasz", "zofia",
        ],
        lastASCII: [
          "nowak", "kowalski", "wisniewska", "wojcik", "kaminska", "lewandowski", "zielinski",
          "dabrowska",
        ],
        providers: ["wp.pl", "onet.pl", "interia.pl", "o2.pl"])
    case .tr:
      Names(
        first: ["Ayşe", "Mehmet", "Elif", "Mustafa", "Zeynep", "Emre", "Şule", "Burak"],
        last: ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın"],
        firstASCII: ["ayse", "mehmet", "elif", "mustafa", "zeynep", "emre", "sule", "burak"],
        lastASCII: ["yilmaz", "kaya", "demir", "sahin", "celik", "yildiz", "ozturk", "aydin"],
        providers: ["gmail.com", "hotmail.com", "yandex.com.tr"])
    case .el:
      Names(
        first: ["Γιώργος", "Μαρία", "Νίκος", "Ελένη", "Κώστας", "Κατερίνα", "Δημήτρης", "Σοφία"],
        last: [
          "Παπαδόπουλος", "Νικολάου", "Γεωργίου", "Οικονόμου", "Δημητρίου", "Ιωάννου", "Βασιλείου",
          "Αθανασίου",
        ],
        firstASCII: [
          "giorgos", "maria", "nikos", "eleni", "kostas", "katerina", "dimitris", "sofia",
        ],
        lastASCII: [
          "papadopoulos", "nikolaou", "georgiou", "oikonomou", "dimitriou", "ioannou", "vasileiou",
          "athanasiou",
        ],
        providers: ["yahoo.gr", "otenet.gr", "gmail.com"])
    case .zh:
      Names(
        first: ["伟", "芳", "娜", "敏", "静", "磊", "洋", "婷"],
        last: ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"],
        firstASCII: ["wei", "fang", "na", "min", "jing", "lei", "yang", "ting"],
        lastASCII: ["wang", "li", "zhang", "liu", "chen", "yang", "zhao", "huang"],
        providers: ["qq.com", "163.com", "126.com"])
    }
  }

  /// A consumer: display name and e-mail address.
  static func consumer(_ language: Language, using random: inout Xoshiro256) -> (
    name: String, email: String
  ) {
    let names = names(language)
    let f = random.int(below: names.first.count)
    let l = random.int(below: names.last.count)
    let number = random.int(in: 1...989)
    let provider = random.pick(names.providers)
    let first = names.firstASCII.isEmpty ? names.first[f].lowercased() : names.firstASCII[f]
    let last = names.lastASCII.isEmpty ? names.last[l].lowercased() : names.lastASCII[l]
    let name =
      language == .zh ? names.last[l] + names.first[f] : names.first[f] + " " + names.last[l]
    let local: String
    switch random.int(below: 3) {
    case 0: local = "\(first).\(last)\(number)"
    case 1: local = "\(first.prefix(1))\(last)\(number)"
    default: local = "\(last)_\(first)\(number % 100)"
    }
    return (name, "\(local)@\(provider)")
  }

  /// Help desk agents by the language they answer in.
  static let agents: [Language: [String]] = [
    .en: ["Ben Carter", "Hannah Reid"], .de: ["Anna Keller", "Jonas Weber", "Laura Schmitt"],
    .fr: ["Sophie Martin"], .es: ["Lucía García"], .pl: ["Tomasz Nowak", "Katarzyna Wójcik"],
    .tr: ["Elif Demir", "Mehmet Yılmaz"], .el: ["Maria Papadopoulou"], .zh: ["Li Wei"],
  ]

  /// Staff of the legacy shop system.
  static let shopStaff = [
    "H. Krüger", "S. Becker", "M. Wolf", "Filiale Köln", "Filiale Hamburg", "",
  ]
}
