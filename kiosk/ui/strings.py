"""The app's own interface words, written by hand for each language (not machine-converted).

A variant the table lacks is served like any content text: a converted variant (zh-TW) gets the
content script's entry converted, a written one its fallback chain, marked.
"""

from __future__ import annotations

from collections.abc import Mapping

UI_STRINGS: dict[str, dict[str, str]] = {
    "home": {"zh-Hans": "首页", "zh-Hant": "首頁", "en": "Home", "de": "Start"},
    "back": {"zh-Hans": "返回", "zh-Hant": "返回", "en": "Back", "de": "Zurück"},
    "timeline": {"zh-Hans": "发展历程", "zh-Hant": "發展歷程", "en": "Timeline", "de": "Zeitleiste"},
    "map": {"zh-Hans": "区位地图", "zh-Hant": "區位地圖", "en": "Map", "de": "Karte"},
    "companies": {"zh-Hans": "企业与机构", "zh-Hant": "企業與機構", "en": "Companies and institutions",
                  "de": "Unternehmen und Einrichtungen"},
    "figures": {"zh-Hans": "数说中德园", "zh-Hant": "數說中德園", "en": "Figures", "de": "Zahlen"},
    # The figures screen's groups: where a figure is about (content `scope`), what it measures (`topic`).
    "scope:park": {"zh-Hans": "中德园", "zh-Hant": "中德園", "en": "Sino-German Park",
                   "de": "Chinesisch-Deutscher Industriepark"},
    "scope:tiexi": {"zh-Hans": "铁西区", "zh-Hant": "鐵西區", "en": "Tiexi District", "de": "Bezirk Tiexi"},
    "scope:metro": {"zh-Hans": "沈阳都市圈", "zh-Hant": "瀋陽都市圈", "en": "Shenyang Metropolitan Circle",
                    "de": "Metropolregion Shenyang"},
    "topic:economy": {"zh-Hans": "经济", "zh-Hant": "經濟", "en": "Economy", "de": "Wirtschaft"},
    "topic:investment": {"zh-Hans": "投资", "zh-Hant": "投資", "en": "Investment", "de": "Investitionen"},
    "topic:innovation": {"zh-Hans": "创新", "zh-Hant": "創新", "en": "Innovation", "de": "Innovation"},
    "topic:people": {"zh-Hans": "人才与生活", "zh-Hant": "人才與生活", "en": "People", "de": "Menschen"},
    "topic:green": {"zh-Hans": "绿色", "zh-Hant": "綠色", "en": "Green", "de": "Umwelt"},
    "topic:openness": {"zh-Hans": "开放合作", "zh-Hant": "開放合作", "en": "Opening and exchange",
                       "de": "Öffnung und Austausch"},
    "tap_for_source": {"zh-Hans": "轻触数据查看出处", "zh-Hant": "輕觸數據查看出處", "en": "Tap a figure to see its source",
                       "de": "Zahl antippen, um die Quelle zu sehen"},
    "all": {"zh-Hans": "全部", "zh-Hant": "全部", "en": "All", "de": "Alle"},
    "source": {"zh-Hans": "资料来源", "zh-Hant": "資料來源", "en": "Source", "de": "Quelle"},
    "source_short": {"zh-Hans": "来源", "zh-Hant": "來源", "en": "Source", "de": "Quelle"},
    "related_companies": {"zh-Hans": "相关企业", "zh-Hant": "相關企業", "en": "Related companies",
                          "de": "Beteiligte Unternehmen"},
    "related_events": {"zh-Hans": "相关大事", "zh-Hant": "相關大事", "en": "Related events",
                       "de": "Zugehörige Ereignisse"},
    "key_facts": {"zh-Hans": "关键数据", "zh-Hant": "關鍵數據", "en": "Key facts", "de": "Zahlen und Fakten"},
    "on_map": {"zh-Hans": "在地图上查看", "zh-Hant": "在地圖上查看", "en": "Show on map", "de": "Auf der Karte zeigen"},
    "open_profile": {"zh-Hans": "查看企业介绍", "zh-Hant": "查看企業介紹", "en": "Open profile", "de": "Profil öffnen"},
    "approximate": {"zh-Hans": "位置为示意", "zh-Hant": "位置為示意", "en": "Approximate position",
                    "de": "Ungefähre Lage"},
    "schematic": {"zh-Hans": "示意", "zh-Hant": "示意", "en": "Schematic", "de": "Schematisch"},
    "target": {"zh-Hans": "规划目标", "zh-Hant": "規劃目標", "en": "Plan target", "de": "Planziel"},
    "estimate": {"zh-Hans": "预计", "zh-Hant": "預計", "en": "Estimate", "de": "Schätzung"},
    "targets_and_results": {"zh-Hans": "规划目标与后来的报道", "zh-Hant": "規劃目標與後來的報道",
                            "en": "Targets and what was reported", "de": "Planziele und spätere Berichte"},
    "status_planned": {"zh-Hans": "规划", "zh-Hant": "規劃", "en": "Planned", "de": "Geplant"},
    "status_building": {"zh-Hans": "在建", "zh-Hant": "在建", "en": "Under construction", "de": "Im Bau"},
    "status_built": {"zh-Hans": "已建成", "zh-Hant": "已建成", "en": "Built", "de": "Fertiggestellt"},
    "origin": {"zh-Hans": "来自", "zh-Hant": "來自", "en": "From", "de": "Aus"},
    "sector": {"zh-Hans": "产业", "zh-Hant": "產業", "en": "Sector", "de": "Branche"},
    "previous": {"zh-Hans": "上一条", "zh-Hant": "上一條", "en": "Previous", "de": "Zurück"},
    "next": {"zh-Hans": "下一条", "zh-Hant": "下一條", "en": "Next", "de": "Weiter"},
    "larger_text": {"zh-Hans": "放大文字", "zh-Hant": "放大文字", "en": "Larger text", "de": "Größere Schrift"},
    "close": {"zh-Hans": "关闭", "zh-Hant": "關閉", "en": "Close", "de": "Schließen"},
    "still_there": {"zh-Hans": "还在浏览吗？", "zh-Hant": "還在瀏覽嗎？", "en": "Still there?", "de": "Sind Sie noch da?"},
    "touch_to_continue": {"zh-Hans": "轻触屏幕继续浏览", "zh-Hant": "輕觸屏幕繼續瀏覽", "en": "Touch the screen to carry on",
                          "de": "Zum Weitermachen den Bildschirm berühren"},
    "film_unavailable": {"zh-Hans": "此电脑无法播放该视频", "zh-Hant": "此電腦無法播放該影片",
                         "en": "This film cannot be played on this computer",
                         "de": "Dieser Film kann auf diesem Computer nicht abgespielt werden"},
    "touch_to_start": {"zh-Hans": "轻触屏幕开始浏览", "zh-Hant": "輕觸屏幕開始瀏覽", "en": "Touch the screen to start",
                       "de": "Zum Starten den Bildschirm berühren"},
    "headline_figures": {"zh-Hans": "数说中德园", "zh-Hant": "數說中德園", "en": "The park in figures",
                         "de": "Der Park in Zahlen"},
    "area": {"zh-Hans": "规划面积", "zh-Hant": "規劃面積", "en": "Planned area", "de": "Geplante Fläche"},
    "km2": {"zh-Hans": "平方公里", "zh-Hant": "平方公里", "en": "km²", "de": "km²"},
    "zoom_in": {"zh-Hans": "放大", "zh-Hant": "放大", "en": "Zoom in", "de": "Vergrößern"},
    "zoom_out": {"zh-Hans": "缩小", "zh-Hant": "縮小", "en": "Zoom out", "de": "Verkleinern"},
    "reset_view": {"zh-Hans": "复位", "zh-Hant": "復位", "en": "Reset", "de": "Zurücksetzen"},
    "tap_region": {"zh-Hans": "轻触高亮区域进入下一层", "zh-Hant": "輕觸高亮區域進入下一層",
                   "en": "Tap the highlighted area to go deeper", "de": "Markierten Bereich antippen, um näher heranzugehen"},
    "year": {"zh-Hans": "年", "zh-Hant": "年", "en": "", "de": ""},
    "no_events": {"zh-Hans": "暂无相关大事", "zh-Hant": "暫無相關大事", "en": "No related events",
                  "de": "Keine zugehörigen Ereignisse"},
    "institution": {"zh-Hans": "机构", "zh-Hant": "機構", "en": "Institution", "de": "Einrichtung"},
    "company": {"zh-Hans": "企业", "zh-Hant": "企業", "en": "Company", "de": "Unternehmen"},
    "in_chinese": {"en": "in Chinese", "de": "auf Chinesisch"},  # a source text, named in a translated line
    "language": {"zh-Hans": "语言", "zh-Hant": "語言", "en": "Language", "de": "Sprache"},
    # How a date known only to its year reads (2015年内 in Chinese, made by the formatter).
    "year_only": {"en": "During {year}", "de": "Im Jahr {year}"},
    # Large numbers: "122 billion yuan" (long) or "122 Mrd. Yuan" (short), CLDR's two compact forms.
    "number_style": {"en": "long", "de": "short"},
    # The sources' bounds on a number (the content's qualifier field), in the written languages.
    # Chinese variants print the source's own character (近, 超, 余 ...).
    "qualifier:超": {"en": "over", "de": "über"},
    "qualifier:超过": {"en": "over", "de": "über"},
    "qualifier:突破": {"en": "over", "de": "über"},
    "qualifier:近": {"en": "nearly", "de": "fast"},
    "qualifier:约": {"en": "about", "de": "etwa"},
    "qualifier:余": {"en": "more than", "de": "mehr als"},
    "qualifier:多": {"en": "more than", "de": "mehr als"},
    "qualifier:以上": {"en": "or more", "de": "oder mehr"},
    "qualifier:不少于": {"en": "at least", "de": "mindestens"},
    "qualifier:不超过": {"en": "no more than", "de": "höchstens"},
}

# Words with a number: {n} is the count; a written language gives its CLDR plural forms.
UI_COUNTS: dict[str, dict[str, str | Mapping[str, str]]] = {
    "companies": {"zh-Hans": "{n} 家", "zh-Hant": "{n} 家",
                  "en": {"one": "{n} company or institution", "other": "{n} companies and institutions"},
                  "de": {"one": "{n} Unternehmen oder Einrichtung", "other": "{n} Unternehmen und Einrichtungen"}},
    "companies_here": {"zh-Hans": "{n} 家企业与机构", "zh-Hant": "{n} 家企業與機構",
                       "en": {"one": "{n} company or institution", "other": "{n} companies and institutions"},
                       "de": {"one": "{n} Unternehmen oder Einrichtung", "other": "{n} Unternehmen und Einrichtungen"}},
    "seconds_left": {"zh-Hans": "{n} 秒后回到首页", "zh-Hant": "{n} 秒後回到首頁",
                     "en": {"one": "Back to the start in {n} second", "other": "Back to the start in {n} seconds"},
                     "de": {"one": "In {n} Sekunde zurück zum Start", "other": "In {n} Sekunden zurück zum Start"}},
    "events": {"zh-Hans": "{n} 项大事", "zh-Hant": "{n} 項大事",
               "en": {"one": "{n} event", "other": "{n} events"},
               "de": {"one": "{n} Ereignis", "other": "{n} Ereignisse"}},
}


def every_ui_text() -> list[Mapping[str, str]]:
    """Every interface word in every language, each a mapping by variant: what the warm-up
    hyphenates, so no switch of language meets a long word (Einrichtungen) it has not seen."""
    texts: list[Mapping[str, str]] = list(UI_STRINGS.values())
    for forms in UI_COUNTS.values():
        for variant, form in forms.items():
            texts += [{variant: text} for text in (form.values() if isinstance(form, Mapping) else (form,))]
    return texts
