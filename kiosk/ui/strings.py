"""The app's own interface words, written by hand for each script (not machine-converted).

A variant the table lacks falls back to the content's script entry through the script engine,
so an exhibition that adds, say, zh-TW still gets every label converted.
"""

from __future__ import annotations

UI_STRINGS: dict[str, dict[str, str]] = {
    "home": {"zh-Hans": "首页", "zh-Hant": "首頁", "en": "Home"},
    "back": {"zh-Hans": "返回", "zh-Hant": "返回", "en": "Back"},
    "timeline": {"zh-Hans": "发展历程", "zh-Hant": "發展歷程", "en": "Timeline"},
    "map": {"zh-Hans": "区位地图", "zh-Hant": "區位地圖", "en": "Map"},
    "companies": {"zh-Hans": "企业与机构", "zh-Hant": "企業與機構", "en": "Companies"},
    "all": {"zh-Hans": "全部", "zh-Hant": "全部", "en": "All"},
    "source": {"zh-Hans": "资料来源", "zh-Hant": "資料來源", "en": "Source"},
    "source_short": {"zh-Hans": "来源", "zh-Hant": "來源", "en": "Source"},
    "related_companies": {"zh-Hans": "相关企业", "zh-Hant": "相關企業", "en": "Related companies"},
    "related_events": {"zh-Hans": "相关大事", "zh-Hant": "相關大事", "en": "Related events"},
    "key_facts": {"zh-Hans": "关键数据", "zh-Hant": "關鍵數據", "en": "Key facts"},
    "on_map": {"zh-Hans": "在地图上查看", "zh-Hant": "在地圖上查看", "en": "Show on map"},
    "open_profile": {"zh-Hans": "查看企业介绍", "zh-Hant": "查看企業介紹", "en": "Open profile"},
    "approximate": {"zh-Hans": "位置为示意", "zh-Hant": "位置為示意", "en": "Approximate position"},
    "schematic": {"zh-Hans": "示意", "zh-Hant": "示意", "en": "Schematic"},
    "target": {"zh-Hans": "规划目标", "zh-Hant": "規劃目標", "en": "Plan target"},
    "estimate": {"zh-Hans": "预计", "zh-Hant": "預計", "en": "Estimate"},
    "targets_and_results": {"zh-Hans": "规划目标与后来的报道", "zh-Hant": "規劃目標與後來的報道", "en": "Targets and what was reported"},
    "status_planned": {"zh-Hans": "规划", "zh-Hant": "規劃", "en": "Planned"},
    "status_building": {"zh-Hans": "在建", "zh-Hant": "在建", "en": "Under construction"},
    "status_built": {"zh-Hans": "已建成", "zh-Hant": "已建成", "en": "Built"},
    "origin": {"zh-Hans": "来自", "zh-Hant": "來自", "en": "From"},
    "sector": {"zh-Hans": "产业", "zh-Hant": "產業", "en": "Sector"},
    "close": {"zh-Hans": "关闭", "zh-Hant": "關閉", "en": "Close"},
    "touch_to_start": {"zh-Hans": "轻触屏幕开始浏览", "zh-Hant": "輕觸屏幕開始瀏覽", "en": "Touch to start"},
    "headline_figures": {"zh-Hans": "数说中德园", "zh-Hant": "數說中德園", "en": "In figures"},
    "area": {"zh-Hans": "规划面积", "zh-Hant": "規劃面積", "en": "Planned area"},
    "km2": {"zh-Hans": "平方公里", "zh-Hant": "平方公里", "en": "km²"},
    "zoom_in": {"zh-Hans": "放大", "zh-Hant": "放大", "en": "Zoom in"},
    "zoom_out": {"zh-Hans": "缩小", "zh-Hant": "縮小", "en": "Zoom out"},
    "reset_view": {"zh-Hans": "复位", "zh-Hant": "復位", "en": "Reset"},
    "tap_region": {"zh-Hans": "轻触高亮区域进入下一层", "zh-Hant": "輕觸高亮區域進入下一層", "en": "Tap the highlighted area to go deeper"},
    "year": {"zh-Hans": "年", "zh-Hant": "年", "en": ""},
    "no_events": {"zh-Hans": "暂无相关大事", "zh-Hant": "暫無相關大事", "en": "No related events"},
    "companies_count": {"zh-Hans": "家", "zh-Hant": "家", "en": ""},
    "institution": {"zh-Hans": "机构", "zh-Hant": "機構", "en": "Institution"},
    "company": {"zh-Hans": "企业", "zh-Hant": "企業", "en": "Company"},
    "events_in_era": {"zh-Hans": "项大事", "zh-Hant": "項大事", "en": "events"},
}
