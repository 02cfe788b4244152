"""Which installed font prints Chinese: the form must never show boxes on paper or in the PDF."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFontDatabase

# In order of preference per system. On Linux WenQuanYi comes first: Noto CJK shares glyphs
# between ideographs and radicals (门/⻔, 龙/⻰), and Qt's PDF ToUnicode map then names the radical,
# so text copied or searched in the PDF would be wrong; WenQuanYi maps every glyph to its ideograph.
WINDOWS_FAMILIES = ("SimSun", "宋体", "Microsoft YaHei", "微软雅黑", "NSimSun", "DengXian", "SimHei")
MAC_FAMILIES = ("Songti SC", "STSong", "PingFang SC", "Heiti SC", "Hiragino Sans GB")
LINUX_FAMILIES = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Serif SC",
    "WenQuanYi Zen Hei",
    "AR PL UMing CN",
)


class NoChineseFont(RuntimeError):
    """No installed font can print Chinese; the message tells the clerk what to install."""

    def __init__(self) -> None:
        super().__init__(
            "找不到可打印中文的字体。Windows 请确认已安装“宋体”或“微软雅黑”；"
            "Linux 请安装 fonts-wqy-microhei 或 fonts-noto-cjk（如 sudo apt install fonts-wqy-microhei）。"
        )


def preferred_families() -> tuple[str, ...]:
    if sys.platform.startswith("win"):
        return WINDOWS_FAMILIES
    if sys.platform == "darwin":
        return MAC_FAMILIES
    return LINUX_FAMILIES


def chinese_family(wanted: str | None = None) -> str:
    """The family to print with: ``wanted`` if it prints Chinese, else the system's best.

    Needs a QGuiApplication. Raises ``NoChineseFont`` when nothing installed covers Chinese.
    """
    installed = set(QFontDatabase.families())
    chinese = QFontDatabase.WritingSystem.SimplifiedChinese

    def prints_chinese(family: str) -> bool:
        return family in installed and chinese in QFontDatabase.writingSystems(family)

    candidates: list[str] = [wanted] if wanted else []
    candidates.extend(preferred_families())
    for family in candidates:
        if prints_chinese(family):
            return family
    # Any other family that declares Simplified Chinese beats boxes.
    for family in sorted(QFontDatabase.families(chinese)):
        if not QFontDatabase.isPrivateFamily(family):
            return str(family)
    raise NoChineseFont()
