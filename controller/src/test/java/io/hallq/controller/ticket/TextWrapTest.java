package io.hallq.controller.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextWrapTest {

    @Test
    void chineseCharactersTakeTwoColumns_asciiOne() {
        assertEquals(44, TextWrap.columns("附近浦东陆家嘴营业厅约等 5 分钟,距此 1200 米"));
        assertEquals(4, TextWrap.columns("A012"));
    }

    @Test
    void aLineThatFits_staysWhole() {
        assertEquals(List.of("前面还有 3 人 / 3 ahead of you"), TextWrap.lines("前面还有 3 人 / 3 ahead of you", 32));
    }

    @Test
    void chineseBreaksBetweenCharacters_numbersAndTimesStayWhole() {
        List<String> lines = TextWrap.lines("每月6日至25日 11:30-15:00 人少,欢迎错峰办理", 16);
        assertEquals(List.of("每月6日至25日", "11:30-15:00 人", "少,欢迎错峰办理"), lines, "the comma keeps its character");
        lines.forEach(l -> assertTrue(TextWrap.columns(l) <= 16, l));
    }

    @Test
    void aNumberIsNeverSplit_evenWhenItsDigitsWouldFit() {
        // 29 columns of Chinese and a space, then "1200": breaking inside it would fill the line, it goes whole
        assertEquals(List.of("附近浦东陆家嘴营业厅距此", "1200 米"), TextWrap.lines("附近浦东陆家嘴营业厅距此 1200 米", 26));
        assertEquals(List.of("第一二三四五六七八九十一二三四", "12345"), TextWrap.lines("第一二三四五六七八九十一二三四12345", 32));
    }

    @Test
    void englishBreaksAtSpaces_neverInsideAWord() {
        assertEquals(List.of("About 5 min at Lujiazui Hall,", "1200 m away"),
                TextWrap.lines("About 5 min at Lujiazui Hall, 1200 m away", 32));
    }

    @Test
    void closingPunctuationNeverStartsALine_anOpeningBracketNeverEndsOne() {
        assertEquals(List.of("一二三四五六", "七,八九"), TextWrap.lines("一二三四五六七,八九", 14));
        assertEquals(List.of("一二三四五六", "(七八)"), TextWrap.lines("一二三四五六(七八)", 14));
    }

    @Test
    void onlyAWordWiderThanTheLine_isCut() {
        assertEquals(List.of("http://h:8080/m/", "0123456789"), TextWrap.lines("http://h:8080/m/0123456789", 16));
        assertThrows(IllegalArgumentException.class, () -> TextWrap.lines("x", 1));
    }
}
