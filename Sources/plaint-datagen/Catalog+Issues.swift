extension Catalog {
  /// The issues of the taxonomy, in file order. Each sentence holds exactly one of its issue's
  /// phrases and no phrase of another issue, so the taxonomy puts it back where it came from.
  static let issues: [Issue] = [
    Issue(
      key: "defect", category: .product, sourceValue: "Hardware fault",
      phrases: [
        .en: ["stopped working", "defective", "broke*"],
        .de: ["funktioniert nicht mehr", "defekt*"],
        .fr: ["ne fonctionne plus", "en panne"], .es: ["dejó de funcionar", "averiad*"],
        .pl: ["nie działa", "zepsu*"], .tr: ["arızalı", "çalışmıyor"],
        .el: ["χάλασε", "δεν λειτουργεί"], .zh: ["坏了", "故障"],
      ],
      subjects: [
        .en: ["{product} stopped working", "Defective {product}", "Broken after {n} days"],
        .de: ["{product} defekt", "Gerät funktioniert nicht mehr"],
        .fr: ["{product} en panne", "Ne fonctionne plus"],
        .es: ["{product} averiada", "Dejó de funcionar"],
        .pl: ["Zepsuty sprzęt", "Urządzenie nie działa"],
        .tr: ["Arızalı ürün", "Cihaz çalışmıyor"], .el: ["Η συσκευή χάλασε", "Δεν λειτουργεί"],
        .zh: ["{product}坏了", "设备故障"],
      ],
      sentences: [
        .en: [
          "Since last week it has stopped working completely.",
          "The unit is defective, it does not even switch on any more.",
          "It broke the second time I used it.",
        ],
        .de: [
          "Seit letzter Woche funktioniert das Gerät nicht mehr.",
          "Das Gerät ist defekt, obwohl ich es kaum benutzt habe.",
          "Nach {n} Tagen war es schon defekt.",
        ],
        .fr: [
          "Depuis la semaine dernière, l'appareil ne fonctionne plus.",
          "L'appareil est en panne après {n} jours seulement.",
        ],
        .es: [
          "Desde la semana pasada el aparato dejó de funcionar.",
          "El aparato llegó averiado, no enciende.",
        ],
        .pl: [
          "Od zeszłego tygodnia urządzenie nie działa.", "Urządzenie zepsuło się po {n} dniach.",
        ],
        .tr: [
          "Cihaz bir haftadır çalışmıyor.", "Ürün arızalı geldi, {n} gün sonra tamamen durdu.",
        ],
        .el: [
          "Η συσκευή χάλασε μετά από {n} ημέρες.",
          "Από την περασμένη εβδομάδα η συσκευή δεν λειτουργεί.",
        ],
        .zh: ["用了{n}天就坏了。", "机器出现故障，完全无法开机。"],
      ],
      rate: 0.45),
    Issue(
      key: "overheating", category: .product, sourceValue: "Overheating",
      phrases: [
        .en: ["overheat*", "burning smell", "gets very hot"],
        .de: ["überhitz*", "Brandgeruch", "wird sehr heiß"],
        .fr: ["surchauffe*", "odeur de brûlé"], .es: ["sobrecalienta*", "olor a quemado"],
        .pl: ["przegrzewa się", "zapach spalenizny"],
        .tr: ["aşırı ısınıyor", "aşırı ısınma", "yanık kokusu"],
        .el: ["υπερθερμαίνεται", "μυρωδιά καμένου"], .zh: ["过热", "烧焦味"],
      ],
      subjects: [
        .en: ["{product} overheating", "Burning smell"],
        .de: ["{product} überhitzt", "Brandgeruch"],
        .fr: ["Surchauffe de l'appareil"], .es: ["Se sobrecalienta"],
        .pl: ["Urządzenie przegrzewa się"], .tr: ["Aşırı ısınma sorunu"],
        .el: ["Υπερθερμαίνεται η συσκευή"], .zh: ["{product}过热"],
      ],
      sentences: [
        .en: [
          "After ten minutes it overheats and switches itself off.",
          "There is a burning smell every time I switch it on.",
          "The housing gets very hot, I am afraid to touch it.",
        ],
        .de: [
          "Nach zehn Minuten überhitzt das Gerät und schaltet sich ab.",
          "Beim Einschalten gibt es jedes Mal einen Brandgeruch.",
          "Das Gehäuse wird sehr heiß, man kann es kaum anfassen.",
        ],
        .fr: [
          "Au bout de dix minutes, l'appareil surchauffe et s'éteint.",
          "Il y a une odeur de brûlé à chaque utilisation.",
        ],
        .es: [
          "A los diez minutos se sobrecalienta y se apaga.",
          "Cada vez que lo enciendo hay olor a quemado.",
        ],
        .pl: [
          "Po dziesięciu minutach urządzenie przegrzewa się i wyłącza.",
          "Przy każdym włączeniu czuć zapach spalenizny.",
        ],
        .tr: [
          "On dakika sonra aşırı ısınıyor ve kapanıyor.",
          "Her çalıştırdığımda yanık kokusu geliyor.",
        ],
        .el: [
          "Μετά από δέκα λεπτά υπερθερμαίνεται και σβήνει.",
          "Κάθε φορά που το ανάβω βγάζει μυρωδιά καμένου.",
        ],
        .zh: ["用了十分钟就过热自动关机。", "每次开机都有一股烧焦味。"],
      ],
      rate: 0.20),
    Issue(
      key: "leak", category: .product, sourceValue: "Leak",
      phrases: [
        .en: ["leak*", "water leaking from the tank"], .de: ["undicht", "tropft"],
        .fr: ["fuit", "fuite*"], .es: ["pierde agua", "fuga*"], .pl: ["przecieka", "wyciek*"],
        .tr: ["su sızdırıyor", "sızıntı*"], .el: ["στάζει", "διαρροή*"], .zh: ["漏水"],
      ],
      subjects: [
        .en: ["Water leaking from the tank", "{product} leaks"],
        .de: ["{product} undicht", "Wassertank undicht"], .fr: ["Fuite d'eau"],
        .es: ["Fuga de agua"], .pl: ["Wyciek wody"], .tr: ["Su sızıntısı"],
        .el: ["Διαρροή νερού"], .zh: ["{product}漏水"],
      ],
      sentences: [
        .en: [
          "There is water leaking from the tank onto the counter.",
          "There is a leak at the bottom of the water tank.",
          "It keeps leaking after every use, the counter is always wet.",
        ],
        .de: [
          "Der Wassertank ist undicht, überall auf der Arbeitsplatte steht Wasser.",
          "Unten am Gerät tropft es ständig.",
        ],
        .fr: [
          "Le réservoir fuit et l'eau coule sur le plan de travail.",
          "Il y a une fuite d'eau sous l'appareil.",
        ],
        .es: [
          "El depósito pierde agua y moja toda la encimera.", "Hay una fuga de agua en la base.",
        ],
        .pl: [
          "Zbiornik na wodę przecieka i woda jest na całym blacie.",
          "Pod urządzeniem jest wyciek wody.",
        ],
        .tr: ["Su haznesi su sızdırıyor, tezgah hep ıslak.", "Cihazın altında sızıntı var."],
        .el: ["Το δοχείο νερού στάζει συνέχεια.", "Υπάρχει διαρροή νερού κάτω από τη συσκευή."],
        .zh: ["水箱漏水，台面上全是水。", "机器底部一直漏水。"],
      ],
      rate: 0.12),
    Issue(
      key: "missing_parts", category: .product, sourceValue: "Missing parts",
      phrases: [
        .en: ["missing part*", "parts missing", "missing from the box"],
        .de: ["fehlende Teile", "fehlt im Karton"],
        .fr: ["pièce manquante", "pièces manquantes"], .es: ["faltan piezas", "falta una pieza"],
        .pl: ["brak części", "brakuje części"], .tr: ["eksik parça", "parçalar eksik"],
        .el: ["λείπουν εξαρτήματα", "λείπει εξάρτημα"], .zh: ["缺少配件", "少了零件"],
      ],
      subjects: [
        .en: ["Parts missing", "Missing part in the box"], .de: ["Fehlende Teile"],
        .fr: ["Pièces manquantes"], .es: ["Faltan piezas"], .pl: ["Brak części"],
        .tr: ["Eksik parça"], .el: ["Λείπουν εξαρτήματα"], .zh: ["缺少配件"],
      ],
      sentences: [
        .en: [
          "The lid was missing from the box.",
          "Several parts missing, including the power cable.",
          "There is a missing part: the filter was not included.",
        ],
        .de: [
          "Der Deckel fehlt im Karton.", "Es gibt fehlende Teile, unter anderem das Netzkabel.",
        ],
        .fr: [
          "Il y a des pièces manquantes dans le carton, notamment le couvercle.",
          "Une pièce manquante : le filtre n'était pas inclus.",
        ],
        .es: [
          "Faltan piezas en la caja, por ejemplo la tapa.", "Falta una pieza: no venía el filtro.",
        ],
        .pl: ["W pudełku brak części, m.in. pokrywki.", "Brakuje części: nie było filtra."],
        .tr: ["Kutuda eksik parça var, kapak yok.", "Bazı parçalar eksik geldi."],
        .el: [
          "Λείπουν εξαρτήματα από τη συσκευασία, όπως το καπάκι.",
          "Λείπει εξάρτημα: δεν υπήρχε το φίλτρο.",
        ],
        .zh: ["包装里缺少配件，没有盖子。", "收到后发现少了零件。"],
      ],
      rate: 0.20),
    Issue(
      key: "refund", category: .policy, sourceValue: "Refund request",
      phrases: [
        .en: ["refund*", "money back"], .de: ["Rückerstattung", "Geld zurück"],
        .fr: ["rembourse*"], .es: ["reembolso*", "devolución del dinero"],
        .pl: ["zwrot pieniędzy", "zwrotu pieniędzy"], .tr: ["para iadesi", "paramı geri"],
        .el: ["επιστροφή χρημάτων", "επιστροφή των χρημάτων"], .zh: ["退款", "退钱"],
      ],
      subjects: [
        .en: ["Refund request"], .de: ["Rückerstattung", "Bitte um Rückerstattung"],
        .fr: ["Demande de remboursement"], .es: ["Solicitud de reembolso"],
        .pl: ["Zwrot pieniędzy"], .tr: ["Para iadesi"], .el: ["Επιστροφή χρημάτων"],
        .zh: ["申请退款"],
      ],
      sentences: [
        .en: [
          "I would like a full refund.",
          "I want my money back, not another replacement.",
          "Please refund the purchase price to my card.",
        ],
        .de: [
          "Ich möchte eine Rückerstattung des Kaufpreises.",
          "Ich will mein Geld zurück und keinen weiteren Ersatz.",
        ],
        .fr: ["Je demande le remboursement intégral.", "Merci de me rembourser le prix d'achat."],
        .es: [
          "Solicito el reembolso completo.", "Quiero la devolución del dinero, no otro cambio.",
        ],
        .pl: [
          "Proszę o zwrot pieniędzy.", "Domagam się zwrotu pieniędzy, a nie kolejnej wymiany.",
        ],
        .tr: ["Para iadesi istiyorum.", "Paramı geri istiyorum, değişim istemiyorum."],
        .el: [
          "Ζητώ επιστροφή χρημάτων.", "Θέλω την επιστροφή των χρημάτων μου, όχι αντικατάσταση.",
        ],
        .zh: ["我要求全额退款。", "请尽快退钱给我。"],
      ],
      rate: 0.30),
    Issue(
      key: "warranty", category: .policy, sourceValue: "Warranty claim",
      phrases: [
        .en: ["warranty", "guarantee"], .de: ["Garantie*", "Gewährleistung"],
        .fr: ["garantie*"], .es: ["garantía"], .pl: ["gwarancj*"], .tr: ["garanti*"],
        .el: ["εγγύηση*"], .zh: ["保修", "质保"],
      ],
      subjects: [
        .en: ["Warranty claim"], .de: ["Garantiefall"], .fr: ["Demande de garantie"],
        .es: ["Reclamación de garantía"], .pl: ["Reklamacja gwarancyjna"],
        .tr: ["Garanti talebi"], .el: ["Αίτημα εγγύησης"], .zh: ["保修申请"],
      ],
      sentences: [
        .en: [
          "The device is still under warranty.", "I am claiming under the two-year guarantee.",
        ],
        .de: [
          "Das Gerät ist noch in der Garantie.", "Ich mache hiermit die Gewährleistung geltend.",
        ],
        .fr: ["L'appareil est encore sous garantie."],
        .es: ["El aparato todavía está en garantía."],
        .pl: ["Urządzenie jest jeszcze na gwarancji.", "Zgłaszam reklamację z tytułu gwarancji."],
        .tr: ["Ürün hâlâ garanti kapsamında."], .el: ["Η συσκευή είναι ακόμη σε εγγύηση."],
        .zh: ["产品还在保修期内。", "要求质保维修。"],
      ],
      rate: 0.25),
    Issue(
      key: "return_window", category: .policy, sourceValue: "Return policy",
      phrases: [
        .en: ["return window", "return period", "too late to return"],
        .de: ["Rückgabefrist", "Umtauschfrist"], .fr: ["délai de retour"],
        .es: ["plazo de devolución"], .pl: ["termin zwrotu", "czas na zwrot"],
        .tr: ["iade süresi"], .el: ["προθεσμία επιστροφής"], .zh: ["退货期", "七天无理由"],
      ],
      subjects: [
        .en: ["Return window"], .de: ["Rückgabefrist"], .fr: ["Délai de retour"],
        .es: ["Plazo de devolución"], .pl: ["Termin zwrotu"], .tr: ["İade süresi"],
        .el: ["Προθεσμία επιστροφής"], .zh: ["退货期问题"],
      ],
      sentences: [
        .en: [
          "Your shop says the return window has closed, but it was only {n} days.",
          "I was told it is too late to return it, which I do not accept.",
        ],
        .de: [
          "Angeblich ist die Rückgabefrist abgelaufen, dabei sind erst {n} Tage vergangen.",
          "Die Umtauschfrist wurde mir im Laden falsch erklärt.",
        ],
        .fr: ["On me dit que le délai de retour est dépassé, alors que cela fait {n} jours."],
        .es: ["Me dicen que el plazo de devolución ha vencido, pero solo han pasado {n} días."],
        .pl: ["Sklep twierdzi, że minął termin zwrotu, a minęło dopiero {n} dni."],
        .tr: ["İade süresi doldu diyorlar ama sadece {n} gün oldu."],
        .el: ["Μου λένε ότι έληξε η προθεσμία επιστροφής, ενώ πέρασαν μόνο {n} ημέρες."],
        .zh: ["客服说已经过了退货期，可我才买了{n}天。"],
      ],
      rate: 0.10),
    Issue(
      key: "rude_staff", category: .service, sourceValue: "Staff behaviour",
      phrases: [
        .en: ["rude", "unfriendly"], .de: ["unfreundlich*", "frech"],
        .fr: ["impoli*", "désagréable"], .es: ["maleducad*", "groser*"],
        .pl: ["niegrzeczn*", "opryskliw*"], .tr: ["kaba davrandı", "saygısız*"],
        .el: ["αγενής", "αγενέστατ*"], .zh: ["态度很差", "态度恶劣"],
      ],
      subjects: [
        .en: ["Rude agent"], .de: ["Unfreundlicher Mitarbeiter"], .fr: ["Conseiller impoli"],
        .es: ["Trato grosero"], .pl: ["Niegrzeczny konsultant"], .tr: ["Bana kaba davrandı"],
        .el: ["Αγενής υπάλληλος"], .zh: ["客服态度很差"],
      ],
      sentences: [
        .en: [
          "The agent on the phone was rude and hung up on me.",
          "Your staff in the shop were extremely unfriendly.",
        ],
        .de: [
          "Der Mitarbeiter am Telefon war unfreundlich und hat einfach aufgelegt.",
          "Die Dame an der Hotline war richtig frech.",
        ],
        .fr: ["Le conseiller a été très impoli au téléphone.", "Accueil désagréable en magasin."],
        .es: ["El agente fue muy maleducado por teléfono.", "La atención en tienda fue grosera."],
        .pl: [
          "Konsultant był niegrzeczny i się rozłączył.",
          "Pani na infolinii była bardzo opryskliwa.",
        ],
        .tr: ["Telefondaki temsilci bana kaba davrandı.", "Mağazadaki çalışan çok saygısızdı."],
        .el: [
          "Ο υπάλληλος στο τηλέφωνο ήταν αγενής.", "Η εξυπηρέτηση στο κατάστημα ήταν αγενέστατη.",
        ],
        .zh: ["客服态度很差，直接挂了电话。", "门店员工态度恶劣。"],
      ],
      rate: 0.10),
    Issue(
      key: "slow_response", category: .service, sourceValue: "Response time",
      phrases: [
        .en: ["no reply", "no response", "waiting for weeks"],
        .de: ["keine Antwort", "warte seit Wochen"],
        .fr: ["aucune réponse", "sans nouvelles depuis des semaines"],
        .es: ["sin respuesta", "llevo semanas esperando"],
        .pl: ["brak odpowiedzi", "czekam od tygodni"],
        .tr: ["cevap vermiyor", "haftalardır bekliyorum"],
        .el: ["καμία απάντηση", "περιμένω εδώ και εβδομάδες"], .zh: ["没有回复", "回复太慢"],
      ],
      subjects: [
        .en: ["No reply to my emails"], .de: ["Keine Antwort"], .fr: ["Aucune réponse"],
        .es: ["Sin respuesta"], .pl: ["Brak odpowiedzi"], .tr: ["Kimse cevap vermiyor"],
        .el: ["Καμία απάντηση"], .zh: ["一直没有回复"],
      ],
      sentences: [
        .en: [
          "I have written three times and got no reply.",
          "I have been waiting for weeks for an answer.",
        ],
        .de: [
          "Ich habe dreimal geschrieben und keine Antwort erhalten.",
          "Ich warte seit Wochen auf eine Rückmeldung.",
        ],
        .fr: [
          "J'ai écrit trois fois et aucune réponse.", "Je suis sans nouvelles depuis des semaines.",
        ],
        .es: [
          "He escrito tres veces y sigo sin respuesta.", "Llevo semanas esperando una respuesta.",
        ],
        .pl: ["Pisałem trzy razy i brak odpowiedzi.", "Czekam od tygodni na odpowiedź."],
        .tr: ["Üç kez yazdım, kimse cevap vermiyor.", "Haftalardır bekliyorum."],
        .el: [
          "Έστειλα τρία email και καμία απάντηση.", "Περιμένω εδώ και εβδομάδες μια απάντηση.",
        ],
        .zh: ["发了三次邮件都没有回复。", "客服回复太慢了。"],
      ],
      rate: 0.25),
    Issue(
      key: "no_callback", category: .service, sourceValue: "Callback",
      phrases: [
        .en: ["never called back", "no callback"], .de: ["kein Rückruf", "nie zurückgerufen"],
        .fr: ["jamais été rappelé", "pas de rappel"],
        .es: ["nunca me llamaron", "no me devolvieron la llamada"],
        .pl: ["nikt nie oddzwonił"], .tr: ["geri aranmadım", "geri dönüş yapılmadı"],
        .el: ["δεν με πήραν τηλέφωνο", "δεν με κάλεσαν"], .zh: ["没有回电", "没人回电话"],
      ],
      subjects: [
        .en: ["No callback"], .de: ["Kein Rückruf"], .fr: ["Pas de rappel"],
        .es: ["No me devolvieron la llamada"], .pl: ["Nikt nie oddzwonił"],
        .tr: ["Geri dönüş yapılmadı"], .el: ["Δεν με κάλεσαν"], .zh: ["没有回电"],
      ],
      sentences: [
        .en: [
          "You promised to ring me within two days and never called back.",
          "Still no callback, although it was promised twice.",
        ],
        .de: [
          "Mir wurde ein Anruf versprochen, aber ich wurde nie zurückgerufen.",
          "Bis heute kein Rückruf.",
        ],
        .fr: ["On m'a promis un appel, je n'ai jamais été rappelé.", "Toujours pas de rappel."],
        .es: ["Me prometieron una llamada y nunca me llamaron.", "No me devolvieron la llamada."],
        .pl: ["Obiecano mi telefon, ale nikt nie oddzwonił."],
        .tr: ["Beni arayacaklarını söylediler ama geri aranmadım.", "Hâlâ geri dönüş yapılmadı."],
        .el: [
          "Μου υποσχέθηκαν ότι θα με καλέσουν, αλλά δεν με κάλεσαν ποτέ.",
          "Ακόμα δεν με πήραν τηλέφωνο.",
        ],
        .zh: ["说好给我回电，但一直没有回电。", "到现在没人回电话。"],
      ],
      rate: 0.12),
    Issue(
      key: "billing_question", category: .other, sourceValue: "Billing",
      phrases: [
        .en: ["invoice", "charged twice", "billing"], .de: ["Rechnung*", "doppelt abgebucht"],
        .fr: ["factur*", "débité deux fois"], .es: ["factura*", "cobrado dos veces"],
        .pl: ["faktur*", "pobrano dwa razy"], .tr: ["fatura*", "iki kez çekildi"],
        .el: ["τιμολόγι*", "χρεώθηκα δύο φορές"], .zh: ["发票", "重复扣款"],
      ],
      subjects: [
        .en: ["Question about my invoice"], .de: ["Frage zur Rechnung"],
        .fr: ["Question sur la facture"], .es: ["Consulta sobre la factura"],
        .pl: ["Pytanie o fakturę"], .tr: ["Fatura hakkında"], .el: ["Ερώτηση για το τιμολόγιο"],
        .zh: ["发票问题"],
      ],
      sentences: [
        .en: ["The invoice shows the wrong amount.", "I was charged twice for the same order."],
        .de: [
          "Auf der Rechnung steht der falsche Betrag.", "Mir wurde der Betrag doppelt abgebucht.",
        ],
        .fr: [
          "La facture indique un mauvais montant.",
          "J'ai été débité deux fois pour la même commande.",
        ],
        .es: [
          "La factura tiene un importe incorrecto.", "Me han cobrado dos veces el mismo pedido.",
        ],
        .pl: ["Na fakturze jest błędna kwota.", "Pobrano dwa razy za to samo zamówienie."],
        .tr: ["Faturada yanlış tutar var.", "Aynı sipariş için kartımdan iki kez çekildi."],
        .el: ["Το τιμολόγιο έχει λάθος ποσό.", "Χρεώθηκα δύο φορές για την ίδια παραγγελία."],
        .zh: ["发票金额不对。", "同一订单被重复扣款。"],
      ],
      rate: 0.10),
    Issue(
      key: "delivery", category: .other, sourceValue: "Delivery",
      phrases: [
        .en: ["late delivery", "parcel never arrived"],
        .de: ["Lieferung*", "Paket ist nie angekommen"], .fr: ["livraison*", "colis perdu"],
        .es: ["entrega*", "paquete no llegó"], .pl: ["dostaw*", "paczka nie dotarła"],
        .tr: ["kargo gecikti", "teslimat*"], .el: ["παράδοση*", "δέμα δεν έφτασε"],
        .zh: ["快递", "物流太慢"],
      ],
      subjects: [
        .en: ["Late delivery"], .de: ["Lieferung verspätet"], .fr: ["Retard de livraison"],
        .es: ["Entrega retrasada"], .pl: ["Opóźniona dostawa"], .tr: ["Kargo gecikti"],
        .el: ["Καθυστέρηση παράδοσης"], .zh: ["快递太慢"],
      ],
      sentences: [
        .en: [
          "The parcel never arrived although the tracking page says otherwise.",
          "Late delivery: it came {n} days after the promised date.",
        ],
        .de: [
          "Die Lieferung kam {n} Tage zu spät.",
          "Das Paket ist nie angekommen, obwohl die Sendungsverfolgung etwas anderes sagt.",
        ],
        .fr: ["La livraison a eu {n} jours de retard.", "Colis perdu : le suivi ne bouge plus."],
        .es: ["La entrega llegó con {n} días de retraso.", "El paquete no llegó nunca."],
        .pl: ["Dostawa spóźniła się o {n} dni.", "Paczka nie dotarła do dziś."],
        .tr: ["Kargo gecikti, {n} gün sonra geldi.", "Teslimat hâlâ yapılmadı."],
        .el: ["Η παράδοση καθυστέρησε {n} ημέρες.", "Το δέμα δεν έφτασε ποτέ."],
        .zh: ["快递晚了{n}天才到。", "物流太慢了。"],
      ],
      rate: 0.15),
    Issue(
      key: "account", category: .other, sourceValue: "Account",
      phrases: [
        .en: ["cannot log in", "password reset", "online account"],
        .de: ["Passwort*", "Kundenkonto"], .fr: ["mot de passe", "impossible de me connecter"],
        .es: ["contraseña", "no puedo iniciar sesión"], .pl: ["hasł*", "nie mogę się zalogować"],
        .tr: ["şifre*", "giriş yapamıyorum"], .el: ["κωδικό πρόσβασης", "δεν μπορώ να συνδεθώ"],
        .zh: ["无法登录", "密码"],
      ],
      subjects: [
        .en: ["Cannot log in"], .de: ["Kundenkonto gesperrt"], .fr: ["Mot de passe"],
        .es: ["Problema con la contraseña"], .pl: ["Nie mogę się zalogować"],
        .tr: ["Giriş yapamıyorum"], .el: ["Δεν μπορώ να συνδεθώ"], .zh: ["无法登录"],
      ],
      sentences: [
        .en: [
          "I cannot log in to my online account since the update.",
          "The password reset link does not work.",
        ],
        .de: [
          "Ich komme nicht mehr in mein Kundenkonto.",
          "Der Link zum Zurücksetzen des Passworts öffnet sich nicht.",
        ],
        .fr: [
          "Impossible de me connecter à mon compte.",
          "Le lien pour changer le mot de passe ne marche pas.",
        ],
        .es: [
          "No puedo iniciar sesión en mi cuenta.", "El enlace para cambiar la contraseña no abre.",
        ],
        .pl: ["Nie mogę się zalogować na konto.", "Link do zmiany hasła jest nieaktywny."],
        .tr: ["Hesabıma giriş yapamıyorum.", "Şifre sıfırlama bağlantısı açılmıyor."],
        .el: [
          "Δεν μπορώ να συνδεθώ στον λογαριασμό μου.",
          "Ξέχασα τον κωδικό πρόσβασης και ο σύνδεσμος δεν ανοίγει.",
        ],
        .zh: ["账号无法登录。", "重置密码的链接打不开。"],
      ],
      rate: 0.05),
  ]

  /// Monthly rate per 1,000 consumer units of complaints no rule can place (`other/unclassified`).
  static let unclassifiedRate = 0.30

  static func issue(_ key: String) -> Int {
    issues.firstIndex { $0.key == key } ?? 0
  }
}
