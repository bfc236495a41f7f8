"""Turn bytes into text: BOMs, declared charsets that may lie, and sniffing.

Chinese sources come as UTF-8, GB18030/GBK or Big5, and servers often declare
the wrong one. A declared charset is only trusted when the bytes decode with it
without errors; otherwise the bytes are sniffed.
"""

from __future__ import annotations

import codecs
import logging

logger = logging.getLogger(__name__)

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Superset codecs: GB2312 and GBK text decodes as GB18030; Big5 as Big5-HKSCS.
SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "ascii": "utf-8",
    "us-ascii": "utf-8",
}

# Tried in order when nothing is declared and the bytes are not UTF-8.
CHINESE_CANDIDATES = ("gb18030", "big5hkscs")


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we accept."""


def canonical_encoding(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("'\"").lower()
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    return SUPERSETS.get(name, name)


# Every byte but the control characters text does not use (tab, newlines, form feed, escape are fine).
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13, 27)))


def looks_binary(data: bytes) -> bool:
    """A NUL byte anywhere, or many control characters in the first 8 KB, mean binary.

    UTF-16 (with its byte-order mark) has NUL and control bytes in most characters: its
    characters are judged instead, and a NUL character is looked for after decoding
    (:func:`has_nul`).
    """
    head = data[:8192]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            chars = head[: len(head) // 2 * 2].decode("utf-16", errors="strict")
        except UnicodeDecodeError:
            chars = head.decode("utf-16", errors="ignore")  # a pair cut at the 8 KB mark
        controls = sum(1 for ch in chars if ord(ch) < 32 and ch not in "\t\n\x0c\r\x1b")
        return "\x00" in chars or controls > 0.05 * max(1, len(chars))
    if b"\x00" in data:
        return True
    controls = len(head.translate(None, _NOT_CONTROL))
    return bool(head) and controls / len(head) > 0.05


def has_nul(text: str) -> bool:
    """A NUL character in decoded text: binary content, whatever the encoding said."""
    return "\x00" in text


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    Order: byte-order mark; UTF-8 (valid multi-byte UTF-8 is almost never an
    accident, so it wins over a declared charset); then the declared charset,
    GB18030 and Big5, whichever yields the most common Chinese characters (the
    declared one on a near tie); then cp1252 for plausible Western text.
    Raises :class:`UndecodableError` when nothing fits.
    """
    for bom, name in BOMS:
        if data.startswith(bom):
            return data.decode(name), name

    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass

    # Any of GB18030, Big5 or the declared charset may decode without error;
    # the right one yields common characters, the wrong ones rare ones.
    declared_name = canonical_encoding(declared)
    scored: dict[str, tuple[int, str]] = {}
    for name in (declared_name, *CHINESE_CANDIDATES):
        if not name or name in scored:
            continue
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        scored[name] = (_common_cjk_score(text), text)
    if scored:
        best_name = max(scored, key=lambda name: scored[name][0])
        best_score = scored[best_name][0]
        if declared_name in scored and scored[declared_name][0] >= 0.8 * best_score:
            best_name = declared_name
        if best_score > 0 or best_name == declared_name:
            return scored[best_name][1], best_name

    # Last resort: English text in the Western legacy code page. Bytes that decode
    # there only as symbol soup are refused.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    plausible = sum(1 for ch in text if ch.isascii() or ch.isalpha())
    if text and plausible >= 0.85 * len(text) and sum(map(str.isascii, text)) >= 0.6 * len(text):
        return text, "cp1252"
    raise UndecodableError("bytes are not valid UTF-8, GB18030, Big5 or another known encoding")


# The most frequent characters of running Chinese text, in both scripts. A wrong
# GB18030/Big5 guess still decodes, but into rare characters.
_COMMON = set(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵症试验临床"
    "這個們來說時會對發後裡經麼現當動還進學體頭從關點業將兩間問題應戰與氣實長樣裏開認條義總電數設這處場書聽報過給請類見們覺東樣車親樂爾萬齊區醫藥療驗臨細"
)


def _common_cjk_score(text: str) -> int:
    sample = text[:20000]
    return sum(1 for ch in sample if ch in _COMMON)
