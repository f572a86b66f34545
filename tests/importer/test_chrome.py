"""Page chrome comes off whole lines; plan text that merely mentions a chrome word stays."""

from pathlib import Path

from generator.importer.chrome import is_chrome, strip_chrome

SOURCES = Path(__file__).resolve().parents[2] / "content" / "sources"


def seed_text(seed: str) -> str:
    return (SOURCES / f"{seed}.txt").read_text(encoding="utf-8")


def test_breadcrumb_with_lead_word_is_chrome():
    assert is_chrome("当前位置:首页")
    assert is_chrome("您现在的位置: 首页 > 政务公开")


def test_breadcrumb_trail_of_short_segments_is_chrome():
    assert is_chrome("> 政务公开 > 法规文件 > 规范性文件")
    assert is_chrome("首页 >> 行业动态 >> 正文")


def test_view_counter_and_font_switch_strip_is_chrome():
    assert is_chrome("发布日期:2017-05-31访问次数: 字号:[ ]")
    assert is_chrome("发布日期:2016-06-06\xa0\xa0作者: \xa0来源: 创新山东\xa0\xa0点击:")
    assert is_chrome("【字体:大 中 小】")


def test_print_close_qr_editor_and_cms_lines_are_chrome():
    for line in ("打印本页 关闭窗口", "【打印】【关闭】", "扫描二维码 关注我们", "(责任编辑:网站管理员)",
                 "责任编辑:张三", "Produced By 大汉网络 大汉版通发布系统", "来源:创新山东", "作者:李四",
                 "上一篇:关于印发某某方案的通知", "【我要打印】【关闭窗口】", "网站地图 | 联系我们",
                 "主办:某市人民政府办公室 承办:某市大数据局", "版权所有:某市人民政府 鲁ICP备05001234号"):
        assert is_chrome(line), line


def test_plan_sentences_mentioning_chrome_words_are_kept():
    for line in ("建立统一的政府网站技术平台,提高点击率和访问次数的统计水平。",
                 "(一)加强组织领导。建立联席会议制度,来源可靠、作者明确的数据优先共享。",
                 "支持企业开展二维码追溯,推动射频识别(RFID)、二维码等技术应用。",
                 "一、总体要求"):
        assert not is_chrome(line), line


def test_site_section_header_named_by_the_breadcrumb_is_removed():
    raw = "行业动态\n\n行业动态\n当前位置: 首页 >> 行业动态 >> 正文\n一、总体目标\n到2018年,行业动态监测全覆盖。\n"
    result = strip_chrome(raw)
    assert [ln.text for ln in result.lines] == ["一、总体目标", "到2018年,行业动态监测全覆盖。"]
    assert [ln.number for ln in result.removed] == [1, 3, 4]


def test_lines_keep_their_source_line_numbers():
    result = strip_chrome("\n\n打印本页 关闭窗口\n一、总体要求\n")
    assert result.lines[0].number == 4
    assert result.removed[0].number == 3


def test_seed_chrome_is_removed_and_nothing_else():
    liaocheng = strip_chrome(seed_text("liaocheng-2017"))
    assert [ln.number for ln in liaocheng.removed] == [1, 2, 5, 231, 234, 235]
    for seed in ("jinan-2016", "beijing-2016"):
        assert strip_chrome(seed_text(seed)).removed == ()
    dongguan = strip_chrome(seed_text("dongguan-2016"))
    assert [ln.text for ln in dongguan.removed] == ["扫描二维码 关注我们"]


def test_a_document_number_label_is_not_the_font_size_switch():
    assert not is_chrome("发文字号:某政字〔2016〕58号")
    assert is_chrome("字号:[大 中 小]")
