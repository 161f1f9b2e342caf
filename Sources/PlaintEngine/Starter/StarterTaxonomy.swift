extension Starter {
  /// `taxonomy.yml` for a generic consumer-products business, in eight languages.
  static let taxonomy = #"""
    # Plaint taxonomy: how complaints are sorted into categories, issues and product lines.
    # Written by `plaint init` as a starting point: rename, delete and add issues to fit your
    # business, then run `plaint run` and read the "unclassified terms" table in the report to
    # see which words your rules still miss. `plaint explain TICKET_ID` shows why a ticket landed
    # where it did.
    #
    # Four categories are fixed: product (product quality), policy, service (service quality)
    # and other. Each issue lists phrases, as one list or as lists by language (the language
    # keys are documentation only). Phrases match after folding case and accents on both sides
    # ("ARIZALI", "arızalı" and "arizali" meet; ß/ss, ς/σ, ł/l, dotted and dotless i too), as whole
    # words in alphabetic scripts and as substrings in Chinese, Japanese, Korean and Thai.
    # A trailing * matches any word ending ("defekt*" finds "defekte", "Defektes").
    # When several issues match, the longest phrase wins, then `priority`, then the issue listed
    # first; a line `precedence: priority` at the top of this file puts priority before length.
    # `plaint taxonomy test` shows what each rule matches; docs/taxonomy.md has the details.
    # `source_values` match the help desk's own category column, when a source maps one
    # (`columns: {category: …}`), e.g. source_values: [Hardware fault].

    categories:
      product:  # product quality
        issues:
          defect:
            phrases:
              en: [stopped working, does not work, doesn't work, defective, faulty, "broke*"]
              de: [funktioniert nicht, "defekt*", kaputt]
              fr: [ne fonctionne pas, ne marche pas, en panne, "défectueu*"]
              es: [no funciona, dejó de funcionar, "defectuos*", "averiad*"]
              pl: [nie działa, przestał działać, "zepsu*", "uszkodzon*"]
              tr: [çalışmıyor, arızalı, bozuldu, bozuk çıktı, bozuk geldi]
              el: [δεν λειτουργεί, χάλασε, "ελαττωματικ*"]
              zh: [坏了, 故障, 不工作, 无法使用]
          safety:
            priority: 20  # wins a tie: equally long phrases of two issues go to the higher priority
            phrases:
              en: ["overheat*", burning smell, smoke, sparks, electric shock, caught fire]
              de: ["überhitz*", Brandgeruch, raucht, Funken, Stromschlag]
              fr: ["surchauffe*", odeur de brûlé, fumée, étincelles]
              es: ["sobrecalient*", olor a quemado, humo, chispas]
              pl: [przegrzewa się, zapach spalenizny, dym, iskry]
              tr: ["aşırı ısın*", yanık kokusu, duman, kıvılcım]
              el: [υπερθερμαίνεται, μυρωδιά καμένου, καπνός, σπίθες]
              zh: [过热, 烧焦味, 冒烟, 起火, 漏电]
          damaged_on_arrival:
            phrases:
              en: [arrived damaged, damaged in transit, dented, cracked, scratched]
              de: [beschädigt angekommen, "beschädigt*", zerkratzt, gesprungen]
              fr: [arrivé endommagé, "endommagé*", rayé, fissuré]
              es: [llegó dañado, "dañad*", "rayad*", "agrietad*"]
              pl: [przyszedł uszkodzony, "porysowan*", "pęknięt*"]
              tr: [hasarlı geldi, hasarlı, çizik, çatlak]
              el: [ήρθε χτυπημένο, χαραγμένο, ραγισμένο]
              zh: [破损, 划痕, 裂了, 摔坏]
          missing_parts:
            phrases:
              en: ["missing part*", parts missing, arrived incomplete, incomplete set]
              de: [fehlende Teile, Teil fehlt, Teile fehlen, unvollständig geliefert]
              fr: [pièce manquante, pièces manquantes, incomplet]
              es: [falta una pieza, faltan piezas, "llegó incomplet*", "pedido incomplet*"]
              pl: [brak części, brakuje części, "niekompletn*"]
              tr: [eksik parça, parçası eksik, eksik geldi]
              el: [λείπει εξάρτημα, λείπουν εξαρτήματα]
              zh: [缺少配件, 少了零件, 缺件]
          leak:
            priority: 10
            phrases:
              en: ["leak*"]
              de: [undicht, tropft, ausgelaufen]
              fr: [fuit, "fuite*"]
              es: [gotea, "fuga*", pierde agua]
              pl: [przecieka, "wyciek*"]
              tr: [sızdırıyor, "sızıntı*"]
              el: [στάζει, "διαρροή*"]
              zh: [漏水, 漏油, 渗漏]
          poor_quality:
            phrases:
              en: [poor quality, cheap material, falls apart]
              de: [schlechte Qualität, minderwertig]
              fr: [mauvaise qualité]
              es: [mala calidad]
              pl: [słaba jakość, kiepska jakość]
              tr: [kalitesiz, kötü kalite]
              el: [κακή ποιότητα]
              zh: [质量差, 质量问题]
      policy:
        issues:
          refund:
            phrases:
              en: ["refund*", money back]
              de: [Rückerstattung, Geld zurück, Erstattung]
              fr: [remboursement, rembourser]
              es: [reembolso, devolución del dinero]
              pl: [zwrot pieniędzy, zwrot środków]
              tr: [para iadesi, ücret iadesi, iademi alamadım]  # not bare "iade": banks use it for any reversal
              el: [επιστροφή χρημάτων]
              zh: [退款, 退钱]
          return_refused:
            phrases:
              en: [return refused, refused the return, return policy]
              de: [Rückgabe abgelehnt, Umtausch abgelehnt]
              fr: [retour refusé]
              es: [devolución rechazada, no aceptan la devolución]
              pl: [odmowa zwrotu, odmówiono zwrotu]
              tr: [iade kabul edilmedi, iadeyi reddetti]
              el: [αρνήθηκαν την επιστροφή]
              zh: [拒绝退货, 不给退货]
          warranty:
            phrases:
              en: [warranty, guarantee claim]
              de: [Garantie, Gewährleistung]
              fr: [garantie refusée, sous garantie]
              es: [garantía]
              pl: ["gwarancj*"]  # not "reklamacja": in Polish it means any complaint
              tr: [garanti kapsamında, garanti süresi, garanti belgesi]  # not bare "garanti": a bank's name
              el: [εγγύηση]
              zh: [保修, 质保, 三包]
          billing:
            phrases:
              en: [charged twice, double charged, overcharged, wrong price, "hidden fee*"]
              de: [doppelt abgebucht, zu viel berechnet, falscher Preis]
              fr: [débité deux fois, facturé deux fois, mauvais prix]
              es: [cobrado dos veces, cobro doble, precio incorrecto]
              pl: [pobrano dwa razy, zła cena]
              tr: [iki kez çekildi, fazla ücret, yanlış fiyat]
              el: [χρεώθηκα δύο φορές, λάθος τιμή]
              zh: [重复扣款, 多收费, 乱收费]
      service:  # service quality
        issues:
          late_delivery:
            phrases:
              en: [late delivery, not delivered, still waiting for, "delivery delay*"]
              de: [Lieferung verspätet, nicht geliefert, warte immer noch]
              fr: [livraison en retard, pas livré, toujours pas reçu]
              es: [entrega tardía, no ha llegado, retraso en la entrega]
              pl: [opóźniona dostawa, nie dotarła, nadal czekam]
              tr: [geç teslimat, teslim edilmedi, hala bekliyorum, kargo gecikti]
              el: [καθυστέρηση παράδοσης, δεν έχει παραδοθεί]
              zh: [发货慢, 还没收到, 物流太慢, 延迟发货]
          no_response:
            phrases:
              en: [no response, no reply, nobody answers, never called back]
              de: [keine Antwort, keine Rückmeldung, niemand meldet sich]
              fr: [pas de réponse, aucune réponse, personne ne répond]
              es: [sin respuesta, nadie responde, no contestan]
              pl: [brak odpowiedzi, nikt nie odpowiada]
              tr: [cevap yok, dönüş yapılmadı, kimse cevap vermiyor]
              el: [καμία απάντηση, δεν απαντούν]
              zh: [没人回复, 不回复, 客服不理]
          rude_staff:
            phrases:
              en: [rude, unfriendly, unprofessional]
              de: [unfreundlich, unhöflich]
              fr: [impoli, désagréable]
              es: [grosero, "maleducad*", descortés]
              pl: ["niegrzeczn*", "nieuprzejm*", "chamsk*"]
              tr: [kaba davrandı, kaba davranış, saygısız davrandı, ilgisiz personel]
              el: [αγενής, "αγενέστατ*"]
              zh: [态度很差, 态度恶劣, 服务态度差]
          wrong_item:
            phrases:
              en: [wrong item, wrong product, wrong size, wrong colour, wrong color]
              de: [falscher Artikel, falsche Größe, falsche Farbe]
              fr: [mauvais article, mauvaise taille]
              es: [producto equivocado, talla equivocada]
              pl: [zły produkt, niewłaściwy produkt, zły rozmiar]
              tr: [yanlış ürün, yanlış beden]
              el: [λάθος προϊόν, λάθος μέγεθος]
              zh: [发错货, 发错了]
      other: {}

    # Product lines: the product column's values matched by glob (they decide first), then by
    # name, then phrases in the ticket text. Rename these two to your own lines and codes; a
    # ticket that matches no line lands in "unassigned" and is left out of the grid.
    product_lines:
      Kitchen Appliances:
        products: ["KA-*"]
        phrases: [kettle, toaster, blender, Wasserkocher, bouilloire, hervidor, czajnik, su ısıtıcı, βραστήρας, 电水壶]
      Home Care:
        products: ["HC-*"]
        phrases: [vacuum cleaner, Staubsauger, aspirateur, aspiradora, odkurzacz, süpürge, ηλεκτρική σκούπα, 吸尘器]
    """#
}
