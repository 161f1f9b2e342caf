/// The parts of a ticket narrative that do not depend on the issue, by language.
///
/// None of these texts holds a taxonomy phrase (issue or product line); templates may hold
/// `{product}`, `{sku}`, `{n}`, `{order}`, `{name}` and `{count}`.
struct Phrasebook {
  let greetings: [String]
  /// Opening sentences that name the product line.
  let intros: [String]
  /// Opening sentences that name no product at all.
  let anonymousIntros: [String]
  /// Neutral detail sentences; some quote the packaging or the manual.
  let details: [String]
  /// A sentence a key account adds about its fleet of devices.
  let fleet: [String]
  let closings: [String]
  /// Problems the taxonomy does not know (noise, display, colour): these stay unclassified.
  let vague: [String]
  let vagueSubjects: [String]
  /// Longer sentences for the benchmark export's multi-paragraph narratives.
  let story: [String]
  /// Questions a shop gets that are not complaints (legacy `Art` Anfrage / Rückfrage).
  let questions: [String]

  static func of(_ language: Language) -> Phrasebook {
    switch language {
    case .en: english
    case .de: german
    case .fr: french
    case .es: spanish
    case .pl: polish
    case .tr: turkish
    case .el: greek
    case .zh: chinese
    }
  }

  static let english = Phrasebook(
    greetings: ["Hello,", "Hi team,", "Dear Sir or Madam,", "Good morning,"],
    intros: [
      "I bought your {product} ({sku}) {n} weeks ago.",
      "This is about my {product}, model {sku}.",
      "We have had the {product} {sku} for {n} weeks now.",
      "Regarding the {product} I ordered from your online shop:\n",
    ],
    anonymousIntros: [
      "I bought a device from you {n} weeks ago.", "This is about my recent purchase.",
      "I am writing about an appliance from your shop.",
    ],
    details: [
      "My order number is {order}.",
      "The box says \"easy to use, built to last\", which is not my experience.",
      "I have attached two photos.",
      "I used it exactly as described in the manual, nothing else.",
      "To be honest, I am really disappointed.",
      "Please tell me how to proceed, I need it for my family.",
    ],
    fleet: [
      "We run {count} of these units across our sites.",
      "This affects {count} devices in our offices.",
    ],
    closings: [
      "Regards,\n{name}", "Thanks,\n{name}", "Best wishes, {name}", "Kind regards\n{name}",
    ],
    vague: [
      "It makes a loud rattling noise when it runs.",
      "The display shows strange symbols.",
      "The app cannot find the device.",
      "The colour is not what the pictures showed.",
      "I am not happy with it at all and expected more for the price.",
    ],
    vagueSubjects: ["Complaint", "Problem with my purchase", "Not happy", "Issue"],
    story: [
      "I have been a customer of yours for many years and I have always recommended your brand to friends, colleagues and neighbours, so this experience is all the more frustrating.",
      "The first time it happened I thought it was a one-off, so I followed the troubleshooting section of the manual step by step, unplugged everything, waited for an hour and tried again.",
      "My neighbour, who bought the same model at the same time, says hers works fine, so I wonder whether mine comes from a different batch.",
      "I called your hotline on Monday morning, waited for twenty minutes in the queue and was finally given a case number, which I am quoting here: {order}.",
      "Please note that I am not asking for a favour; I simply expect the product to do what the advertisement promised.",
      "If this cannot be sorted out within a reasonable time, I will have to consider other options, including a consumer advice centre.",
    ],
    questions: [
      "Do you also sell descaling tablets for this model?",
      "When will the replacement filter be back in stock?",
      "Can I collect my order in the Cologne branch?",
    ])

  static let german = Phrasebook(
    greetings: ["Guten Tag,", "Hallo,", "Sehr geehrte Damen und Herren,", "Moin,"],
    intros: [
      "Ich habe vor {n} Wochen bei Ihnen ein Gerät gekauft ({product}, Modell {sku}).",
      "Es geht um das Modell {sku} ({product}).",
      "Betrifft: {product} {sku}\n",
      "Wir haben seit {n} Wochen ein Gerät von Ihnen im Einsatz ({product}).",
    ],
    anonymousIntros: [
      "Ich habe vor {n} Wochen bei Ihnen ein Gerät gekauft.",
      "Es geht um meinen letzten Einkauf bei Ihnen.",
      "Ich schreibe wegen eines Haushaltsgeräts aus Ihrem Shop.",
    ],
    details: [
      "Meine Bestellnummer lautet {order}.",
      "Auf dem Karton steht \"einfache Bedienung, lange Lebensdauer\", davon merke ich nichts.",
      "Fotos habe ich angehängt.",
      "Ich habe mich genau an die Bedienungsanleitung gehalten.",
      "Ehrlich gesagt bin ich sehr enttäuscht.",
      "Bitte teilen Sie mir mit, wie es weitergeht, ich brauche das Gerät täglich.",
    ],
    fleet: [
      "Wir setzen {count} dieser Geräte in unseren Häusern ein.",
      "Betroffen sind {count} Geräte in unseren Filialen.",
    ],
    closings: [
      "Mit freundlichen Grüßen\n{name}", "Viele Grüße\n{name}", "Gruß, {name}", "MfG\n{name}",
    ],
    vague: [
      "Das Gerät macht beim Betrieb ein lautes Geräusch.",
      "Im Display erscheinen seltsame Zeichen.",
      "Die App findet das Gerät nicht.",
      "Die Farbe entspricht nicht den Bildern im Shop.",
      "Ich bin insgesamt unzufrieden und hatte für den Preis mehr erwartet.",
    ],
    vagueSubjects: ["Beschwerde", "Reklamation", "Problem mit meinem Einkauf", "Unzufrieden"],
    story: [
      "Ich bin seit vielen Jahren Kundin bei Ihnen und habe Ihre Marke immer weiterempfohlen, umso ärgerlicher ist diese Erfahrung.",
      "Beim ersten Mal dachte ich an einen Zufall, also habe ich die Hinweise zur Fehlersuche in der Anleitung Schritt für Schritt befolgt, den Stecker gezogen, eine Stunde gewartet und es erneut versucht.",
      "Meine Nachbarin hat dasselbe Modell zur gleichen Zeit gekauft und bei ihr läuft alles, vielleicht stammt meins aus einer anderen Charge.",
      "Ich habe am Montagmorgen bei Ihrer Hotline angerufen, zwanzig Minuten in der Warteschleife verbracht und schließlich eine Vorgangsnummer bekommen: {order}.",
      "Ich bitte nicht um einen Gefallen, ich erwarte lediglich, dass das Produkt hält, was die Werbung verspricht.",
      "Sollte sich das nicht in angemessener Zeit klären lassen, wende ich mich an die Verbraucherzentrale.",
    ],
    questions: [
      "Haben Sie Entkalkungstabletten für dieses Modell?",
      "Wann ist der Ersatzfilter wieder vorrätig?",
      "Kann ich meine Bestellung in der Filiale Köln abholen?",
    ])

  static let french = Phrasebook(
    greetings: ["Bonjour,", "Madame, Monsieur,", "Bonsoir,"],
    intros: [
      "J'ai acheté il y a {n} semaines un appareil ({product}, modèle {sku}).",
      "Je vous écris au sujet du modèle {sku} ({product}).",
      "Objet : {product} {sku}\n",
    ],
    anonymousIntros: [
      "J'ai acheté un appareil chez vous il y a {n} semaines.",
      "Je vous écris au sujet de mon dernier achat.",
    ],
    details: [
      "Mon numéro de commande est {order}.",
      "Sur l'emballage il est écrit \"simple et robuste\", ce n'est pas mon expérience.",
      "Je joins deux photos.",
      "J'ai suivi le mode d'emploi à la lettre.",
      "Franchement, je suis très déçue.",
    ],
    fleet: ["Nous utilisons {count} appareils de ce type dans nos résidences."],
    closings: ["Cordialement,\n{name}", "Bien à vous, {name}", "Merci d'avance,\n{name}"],
    vague: [
      "L'appareil fait un bruit très fort pendant l'utilisation.",
      "L'écran affiche des symboles bizarres.",
      "L'application ne trouve pas l'appareil.",
      "La couleur ne correspond pas aux photos.",
    ],
    vagueSubjects: ["Réclamation", "Problème avec mon achat", "Mécontente"],
    story: [
      "Je suis cliente depuis de nombreuses années et j'ai toujours recommandé votre marque à mes amis, ce qui rend cette expérience d'autant plus frustrante.",
      "La première fois, j'ai pensé à un incident isolé, j'ai donc suivi pas à pas la section de dépannage du mode d'emploi, débranché l'appareil, attendu une heure et réessayé.",
      "J'ai appelé votre service client lundi matin, attendu vingt minutes et obtenu un numéro de dossier : {order}.",
      "Je ne demande pas de faveur, j'attends simplement que le produit fasse ce que la publicité promettait.",
    ],
    questions: [
      "Vendez-vous des filtres de rechange pour ce modèle ?",
      "Puis-je retirer ma commande en magasin ?",
    ])

  static let spanish = Phrasebook(
    greetings: ["Hola,", "Buenos días,", "Estimados señores,"],
    intros: [
      "Compré hace {n} semanas un aparato ({product}, modelo {sku}).",
      "Les escribo por el modelo {sku} ({product}).",
      "Asunto: {product} {sku}\n",
    ],
    anonymousIntros: [
      "Compré un aparato en su tienda hace {n} semanas.", "Les escribo por mi última compra.",
    ],
    details: [
      "Mi número de pedido es {order}.",
      "En la caja pone \"fácil de usar y duradero\", no es mi experiencia.",
      "Adjunto dos fotos.",
      "Lo he usado exactamente como dice el manual.",
      "La verdad es que estoy muy decepcionado.",
    ],
    fleet: ["Usamos {count} aparatos de este modelo en nuestro hostal."],
    closings: ["Saludos,\n{name}", "Un saludo, {name}", "Atentamente,\n{name}"],
    vague: [
      "Hace un ruido muy fuerte cuando funciona.",
      "La pantalla muestra símbolos raros.",
      "La aplicación no encuentra el aparato.",
      "El color no es el de las fotos.",
    ],
    vagueSubjects: ["Reclamación", "Problema con mi compra", "Queja"],
    story: [
      "Soy cliente desde hace muchos años y siempre he recomendado su marca a mis amigos, por eso esta experiencia me resulta todavía más frustrante.",
      "La primera vez pensé que era algo puntual, así que seguí paso a paso la sección de solución de problemas del manual, lo desenchufé, esperé una hora y lo volví a intentar.",
      "Llamé a su línea de atención el lunes por la mañana, esperé veinte minutos y me dieron un número de caso: {order}.",
      "No pido ningún favor, solo espero que el producto haga lo que prometía la publicidad.",
    ],
    questions: [
      "¿Venden filtros de repuesto para este modelo?", "¿Puedo recoger mi pedido en tienda?",
    ])

  static let polish = Phrasebook(
    greetings: ["Dzień dobry,", "Witam,", "Szanowni Państwo,"],
    intros: [
      "Kupiłem {n} tygodni temu urządzenie ({product}, model {sku}).",
      "Piszę w sprawie modelu {sku} ({product}).",
      "Dotyczy: {product} {sku}\n",
    ],
    anonymousIntros: [
      "Kupiłam u Państwa urządzenie {n} tygodni temu.", "Piszę w sprawie mojego ostatniego zakupu.",
    ],
    details: [
      "Numer zamówienia: {order}.",
      "Na pudełku jest napisane \"prosta obsługa, długa żywotność\", a u mnie tak nie jest.",
      "W załączniku przesyłam zdjęcia.",
      "Używałem zgodnie z instrukcją obsługi.",
      "Szczerze mówiąc, jestem bardzo rozczarowana.",
    ],
    fleet: ["Używamy {count} takich urządzeń w naszych lokalach."],
    closings: ["Pozdrawiam,\n{name}", "Z poważaniem\n{name}", "Dziękuję, {name}"],
    vague: [
      "Urządzenie bardzo głośno hałasuje podczas pracy.",
      "Na wyświetlaczu pojawiają się dziwne znaki.",
      "Aplikacja nie widzi urządzenia.",
      "Kolor jest inny niż na zdjęciach.",
    ],
    vagueSubjects: ["Reklamacja", "Problem z zakupem", "Skarga"],
    story: [
      "Jestem Państwa klientką od wielu lat i zawsze polecałam tę markę znajomym, dlatego ta sytuacja jest tym bardziej frustrująca.",
      "Za pierwszym razem myślałam, że to przypadek, więc krok po kroku wykonałam wskazówki z instrukcji, odłączyłam zasilanie, odczekałam godzinę i spróbowałam ponownie.",
      "W poniedziałek rano zadzwoniłam na infolinię, czekałam dwadzieścia minut i dostałam numer sprawy: {order}.",
      "Nie proszę o przysługę, oczekuję tylko, że produkt będzie taki, jak w reklamie.",
    ],
    questions: [
      "Czy sprzedają Państwo filtry zamienne do tego modelu?",
      "Czy mogę odebrać zamówienie w sklepie?",
    ])

  static let turkish = Phrasebook(
    greetings: ["Merhaba,", "İyi günler,", "Sayın yetkili,"],
    intros: [
      "{n} hafta önce bir cihaz aldım ({product}, model {sku}).",
      "{sku} modeli hakkında yazıyorum ({product}).",
      "Konu: {product} {sku}\n",
    ],
    anonymousIntros: [
      "{n} hafta önce mağazanızdan bir cihaz aldım.", "Son alışverişim hakkında yazıyorum.",
    ],
    details: [
      "Sipariş numaram {order}.",
      "Kutunun üzerinde \"kolay kullanım, uzun ömür\" yazıyor, ama benim deneyimim farklı.",
      "Fotoğrafları ekte gönderiyorum.",
      "Kullanım kılavuzundaki talimatlara aynen uydum.",
      "Açıkçası çok hayal kırıklığına uğradım.",
    ],
    fleet: ["Otellerimizde bu cihazdan {count} adet kullanıyoruz."],
    closings: ["Saygılarımla,\n{name}", "Teşekkürler, {name}", "İyi çalışmalar\n{name}"],
    vague: [
      "Çalışırken çok yüksek ses çıkarıyor.",
      "Ekranda garip semboller görünüyor.",
      "Uygulama cihazı bulamıyor.",
      "Rengi fotoğraftakiyle aynı değil.",
    ],
    vagueSubjects: ["Şikayet", "Satın aldığım ürünle ilgili sorun", "Memnun değilim"],
    story: [
      "Yıllardır müşterinizim ve markanızı hep arkadaşlarıma tavsiye ettim, bu yüzden bu durum beni daha da üzüyor.",
      "İlk seferinde tesadüf sandım, kılavuzdaki adımları tek tek uyguladım, fişini çektim, bir saat bekleyip tekrar denedim.",
      "Pazartesi sabahı müşteri hizmetlerinizi aradım, yirmi dakika bekledim ve bir dosya numarası aldım: {order}.",
      "Bir iyilik istemiyorum, sadece ürünün reklamda vaat edildiği gibi olmasını bekliyorum.",
    ],
    questions: [
      "Bu model için yedek filtre satıyor musunuz?", "Siparişimi mağazadan alabilir miyim?",
    ])

  static let greek = Phrasebook(
    greetings: ["Καλησπέρα σας,", "Γεια σας,", "Αξιότιμοι κύριοι,"],
    intros: [
      "Αγόρασα πριν από {n} εβδομάδες μια συσκευή ({product}, μοντέλο {sku}).",
      "Σας γράφω για το μοντέλο {sku} ({product}).",
      "Θέμα: {product} {sku}\n",
    ],
    anonymousIntros: [
      "Αγόρασα μια συσκευή από το κατάστημά σας πριν από {n} εβδομάδες.",
      "Σας γράφω για την τελευταία μου αγορά.",
    ],
    details: [
      "Ο αριθμός παραγγελίας μου είναι {order}.",
      "Στο κουτί γράφει \"εύκολη χρήση, μεγάλη διάρκεια ζωής\", κάτι που δεν ισχύει.",
      "Επισυνάπτω φωτογραφίες.",
      "Τη χρησιμοποίησα ακριβώς όπως λέει το εγχειρίδιο.",
      "Ειλικρινά είμαι πολύ απογοητευμένος.",
    ],
    fleet: ["Χρησιμοποιούμε {count} τέτοιες συσκευές στα ξενοδοχεία μας."],
    closings: ["Με εκτίμηση,\n{name}", "Ευχαριστώ, {name}", "Φιλικά\n{name}"],
    vague: [
      "Κάνει πολύ δυνατό θόρυβο όταν λειτουργεί.",
      "Η οθόνη δείχνει περίεργα σύμβολα.",
      "Η εφαρμογή δεν βρίσκει τη συσκευή.",
      "Το χρώμα δεν είναι αυτό της φωτογραφίας.",
    ],
    vagueSubjects: ["Παράπονο", "Πρόβλημα με την αγορά μου"],
    story: [
      "Είμαι πελάτης σας πολλά χρόνια και πάντα πρότεινα τη μάρκα σας σε φίλους, γι' αυτό αυτή η εμπειρία με απογοητεύει ακόμη περισσότερο.",
      "Την πρώτη φορά νόμιζα ότι ήταν τυχαίο, οπότε ακολούθησα βήμα βήμα τις οδηγίες του εγχειριδίου, την αποσύνδεσα, περίμενα μία ώρα και δοκίμασα ξανά.",
      "Τηλεφώνησα στη γραμμή εξυπηρέτησης τη Δευτέρα το πρωί, περίμενα είκοσι λεπτά και πήρα αριθμό υπόθεσης: {order}.",
      "Δεν ζητώ χάρη, απλώς περιμένω το προϊόν να κάνει ό,τι υπόσχεται η διαφήμιση.",
    ],
    questions: ["Πουλάτε ανταλλακτικά φίλτρα για αυτό το μοντέλο;"])

  static let chinese = Phrasebook(
    greetings: ["您好，", "你好，"],
    intros: [
      "我{n}周前买了一台{product}（型号{sku}）。", "关于{product}{sku}的问题：",
      "我在你们网店买的{product}，型号{sku}。",
    ],
    anonymousIntros: ["我{n}周前在你们店里买了一台机器。", "关于我最近买的产品："],
    details: [
      "订单号是{order}。", "包装上写着\"操作简单，经久耐用\"，但我的体验完全不是这样。",
      "照片已附上。", "我完全按照说明书使用。", "说实话，我非常失望。",
    ],
    fleet: ["我们酒店一共使用{count}台这种设备。"],
    closings: ["谢谢！\n{name}", "此致\n{name}", "{name}"],
    vague: ["运行时噪音很大。", "屏幕上出现奇怪的符号。", "手机应用找不到设备。", "颜色和图片不一样。"],
    vagueSubjects: ["投诉", "购买的产品有问题"],
    story: [
      "我是你们的老顾客了，一直向朋友推荐你们的品牌，所以这次的经历让我更加失望。",
      "第一次出现问题时我以为是偶然，于是按照说明书一步一步排查，拔掉电源，等了一个小时再试。",
      "我周一上午打了客服热线，排队等了二十分钟，最后拿到一个工单号：{order}。",
      "我不是在求你们帮忙，只是希望产品能做到广告里承诺的那样。",
    ],
    questions: ["这个型号有替换滤网卖吗？"])
}
