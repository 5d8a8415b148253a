package io.hallq.controller.voice;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateTest {

    @Test
    void splitsPlaceholdersAndPhrases() {
        Template t = Template.parse("{chime} 请 {ticket} 号 到 {counter} 号窗口办理", VoiceEvent.CALL).template();
        assertEquals(List.of(
                new Template.Slot(Placeholder.CHIME),
                new Template.Phrase("请", "请"),
                new Template.Slot(Placeholder.TICKET),
                new Template.Phrase("号 到", "号到"),
                new Template.Slot(Placeholder.COUNTER),
                new Template.Phrase("号窗口办理", "号窗口办理")), t.tokens());
    }

    @Test
    void phraseKeysIgnoreSpacePunctuationAndCase() {
        assertEquals("pleasegotocounter", Template.phraseKey(", Please  go to counter."));
        assertEquals("号到", Template.phraseKey("号 到，"));
        assertEquals("", Template.phraseKey(" ，。 "));
        Template t = Template.parse("Number {ticket}, please go to counter {counter}.", VoiceEvent.CALL).template();
        assertEquals(List.of("number", "pleasegotocounter"), t.phrases().stream().map(Template.Phrase::key).toList());
    }

    @Test
    void unknownTokenNamesTheTokensKnownForTheEvent() {
        Template.Parsed p = Template.parse("{chime} 请 {tickt} 号", VoiceEvent.CALL);
        assertEquals(List.of("unknown token '{tickt}' (known: {chime}, {ticket}, {counter}, {pause})"), p.errors());
    }

    @Test
    void placeholderOfAnotherEventIsRefused() {
        Template.Parsed p = Template.parse("请 {counter} {tickets}", VoiceEvent.PRECALL);
        assertEquals(List.of("token '{counter}' cannot be used in a precall template (known: {chime}, {tickets}, "
                + "{pause})"), p.errors());
    }

    @Test
    void reportsEveryBraceProblem() {
        Template.Parsed p = Template.parse("a } b {ticket c {x}", VoiceEvent.CALL);
        assertEquals(3, p.errors().size(), p.errors().toString());
        assertTrue(p.errors().get(0).startsWith("unmatched '}'"));
        assertTrue(p.errors().get(1).startsWith("unclosed '{'"));
        assertTrue(p.errors().get(2).startsWith("unknown token '{x}'"));
        assertFalse(Template.parse("", VoiceEvent.CALL).ok());
        assertEquals(List.of("template says nothing"), Template.parse(" 。", VoiceEvent.CALL).errors());
    }

    @Property
    void parsingNeverThrows(@ForAll @StringLength(max = 40) String source) {
        Template.Parsed p = Template.parse(source, VoiceEvent.UNAVAILABLE);
        assertEquals(p.ok(), p.template() != null);
    }
}
