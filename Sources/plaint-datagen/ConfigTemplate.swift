/// The demo's `plaint.yml`, commented as an example for users to copy.
enum ConfigTemplate {
  static let demo = """
    # Plaint configuration for the bundled demo (datasets/demo). Paths are relative to this file.
    # Every key except `sources` has a default; the defaults are written out here so the file
    # doubles as a reference. Run it with:  plaint run --config datasets/demo/plaint.yml

    store: plaint.db                # SQLite file kept between runs; ":memory:" for a stateless run
    period: month                   # month | week (ISO weeks)
    timezone: Europe/Berlin         # periods are cut here, by each ticket's creation time;
                                    # both exports print local Berlin time without an offset

    sources:
      # The help desk (Zendesk), read with the built-in profile: Id, Subject, Description, …
      - path: exports/zendesk-*.csv
        profile: zendesk

      # The old shop system: German headers, semicolons, German dates. It also logs questions
      # (Art = Anfrage, Rückfrage); only complaints (Beschwerde) are kept. Its case numbers
      # overlap the help desk's ids, so it gets its own namespace.
      - path: exports/legacy-shop.csv
        profile: generic
        system: legacy
        encoding: utf-8
        delimiter: ";"
        date_format: "dd.MM.yyyy HH:mm"
        columns:
          id: Vorgang
          created: Eröffnet
          updated: Geändert
          resolved: Geschlossen
          text: [Betreff, Beschreibung]
          customer: Kunde
          product: Modell
          channel: Kanal
          agent: Bearbeiter
        where:
          Art: [Beschwerde]

    sales: sales.csv                # period,product_line,tier,units,revenue: the denominators
    key_accounts: key_accounts.csv  # "@domain" keys match e-mail addresses, others customer ids
    taxonomy: taxonomy.yml          # categories, issues, product lines and their phrases

    control:
      method: auto                  # auto picks exact Poisson (small counts), Laney u' (overdispersed) or u
      sigma: 3
      baseline_periods: 12          # rolling phase I window before each judged period
      min_baseline_periods: 6       # fewer usable periods: "insufficient history", never an anomaly
      min_count: 3                  # a cell needs this many complaints in the period to be flagged
      rules: [beyond_limit, run_of_8, trend_of_6, two_of_three_beyond_2sigma]
      run_rules: watch              # run-rule signals are watches (listed, not anomalies); "anomaly": flag them
      fdr: 0.03                     # weighted Benjamini–Hochberg across the cells of a period; "off" to disable
      small_count_weight: 1         # below 1: a cell expecting fewer than 5 complaints weighs less in that family

    pareto:
      threshold: 0.8                # the vital few reach 80 % of complaints
      window_periods: 1

    recurrence:
      repeat_customer_min: 3        # complaints by one customer within the window
      window_periods: 3

    sla_hours: 72                   # resolution time target, for the breach share per category

    owners:                         # who owns an anomaly: its category's team if mapped, else its
      categories:                   # product line's team, else the default
        service: Customer Care
        policy: Commercial
      product_lines:
        Coffee Machines: Team Brew
        Robot Vacuums: Team Clean
      default: Quality Office

    releases: releases.csv          # product_line,component,version,date: marked on the charts,
                                    # rate compared before and after (exact Poisson rate ratio)

    # canaries:                     # test complaints sent on purpose: listed, never counted
    #   tags: [plaint-canary]
    #   ids: ["TEST-*"]
    #   expected: [TEST-0001]       # ids that must arrive; one that does not is reported missing

    reports:
      dir: ../../reports            # the repository's reports/, where `make demo` writes
      formats: [html, md, json, csv]

    """
}
