package io.hallq.controller.voice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClipSetLoaderTest {

    @TempDir
    Path tmp;

    @Test
    void shippedSetHasEveryClipInOneFormat() {
        ClipSet clips = VoiceFixtures.shippedClips(VoiceConfig.defaults());
        assertEquals(PcmFormat.MONO_16K, clips.format());
        assertEquals(40, clips.numbers());
        // chime + 2 x (26 letters + 10 digits + 40 numbers + 4 reasons + 9 services) + 7 zh + 7 en phrases
        assertEquals(1 + 2 * (26 + 10 + 40 + 4 + 9) + 14, clips.clips().size());
        for (Clip c : clips.clips()) {
            assertTrue(c.length() > 1600, c + " is shorter than 0.1 s");
            assertTrue(c.length() < 16000 * 4, c + " is longer than 4 s");
            int peak = 0;
            for (short s : c.samples()) {
                peak = Math.max(peak, Math.abs(s));
            }
            assertTrue(peak > 10_000 && peak < 32_000, c + " is not normalised, peak " + peak);
        }
    }

    @Test
    void hallDirectoryIsLoadedFromTheConfig() throws IOException {
        Path dir = copyShippedSet();
        VoiceConfigReader.Result r = VoiceConfigReader.read(
                VoiceFixtures.voiceNode("voice: { clipDirectory: our-voice }"), dir.getParent());
        ClipSetLoader.Result loaded = ClipSetLoader.load(r.config());
        assertEquals(dir.toString(), assertInstanceOf(ClipSetLoader.Result.Loaded.class, loaded).clips().origin());
    }

    @Test
    void missingFilesAreEachNamed() throws IOException {
        Path dir = copyShippedSet();
        Files.delete(dir.resolve("zh/letter-Q.wav"));
        Files.delete(dir.resolve("en/phrase-go-to-counter.wav"));
        List<String> errors = failures(dir, VoiceConfig.defaults());
        String where = "voice clips (" + dir + "): ";
        assertEquals(List.of(where + "missing zh/letter-Q.wav (ticket letter Q, zh)",
                where + "missing en/phrase-go-to-counter.wav (phrase 'please go to counter', en)"), errors);
    }

    @Test
    void onlyTheChimeIsHeldInMemoryAndEveryOtherClipIsReadAsItWasLoaded() throws IOException {
        Path dir = copyShippedSet();
        VoiceConfigReader.Result r = VoiceConfigReader.read(
                VoiceFixtures.voiceNode("voice: { clipDirectory: our-voice }"), dir.getParent());
        ClipSet clips = assertInstanceOf(ClipSetLoader.Result.Loaded.class, ClipSetLoader.load(r.config())).clips();
        assertTrue(clips.chime().inMemory());
        Clip digit = clips.digit("zh", 7);
        assertFalse(digit.inMemory());
        short[] onDisk = WavCodec.decode(Files.readAllBytes(dir.resolve("zh/digit-7.wav"))).samples();
        assertArrayEquals(onDisk, digit.samples());
        assertEquals(onDisk.length, digit.length());
    }

    @Test
    void aClipChangedOrGoneAfterLoadingFailsNamingItself() throws IOException {
        Path dir = copyShippedSet();
        VoiceConfigReader.Result r = VoiceConfigReader.read(
                VoiceFixtures.voiceNode("voice: { clipDirectory: our-voice }"), dir.getParent());
        ClipSet clips = assertInstanceOf(ClipSetLoader.Result.Loaded.class, ClipSetLoader.load(r.config())).clips();
        Files.write(dir.resolve("en/digit-7.wav"), WavCodec.encode(PcmFormat.MONO_16K, new short[5]));
        IllegalStateException changed = assertThrows(IllegalStateException.class,
                () -> clips.digit("en", 7).samples());
        assertTrue(changed.getMessage().contains("en/digit-7.wav changed since it was loaded"), changed.getMessage());
        Files.delete(dir.resolve("en/digit-8.wav"));
        IllegalStateException gone = assertThrows(IllegalStateException.class, () -> clips.digit("en", 8).samples());
        assertTrue(gone.getMessage().contains("en/digit-8.wav is gone"), gone.getMessage());
    }

    @Test
    void aClipInAnotherFormatIsRefused() throws IOException {
        Path dir = copyShippedSet();
        Files.write(dir.resolve("en/digit-7.wav"), WavCodec.encode(new PcmFormat(44100, 1, 16), new short[4410]));
        Files.write(dir.resolve("chime.wav"), new byte[]{'n', 'o'});
        List<String> errors = failures(dir, VoiceConfig.defaults());
        String where = "voice clips (" + dir + "): ";
        assertEquals(List.of(where + "chime.wav is not a usable WAV file: not a RIFF/WAVE file",
                where + "en/digit-7.wav is 44100 Hz, mono, 16-bit, expected 16000 Hz, mono, 16-bit like the rest of "
                        + "the set (manifest.yaml format)"), errors);
    }

    @Test
    void aTemplatePhraseWithoutClipNamesTheTemplateKey() throws IOException {
        VoiceConfig config = VoiceFixtures.config("""
                voice:
                  templates:
                    zh:
                      precall: "{chime} 请 {tickets} 号 顾客做好准备"
                """);
        List<String> errors = failures(copyShippedSet(), config);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.getFirst().startsWith("voice.templates.zh.precall: phrase '号 顾客做好准备' has no clip in "),
                errors.getFirst());
        assertTrue(errors.getFirst().endsWith("(languages.zh.phrases has: 请, 号到, 号窗口办理, 再次呼叫, 号做好准备, "
                + "各位顾客, 敬请谅解)"), errors.getFirst());
    }

    @Test
    void aDirectoryWithoutManifestSaysSo() {
        List<String> errors = failures(tmp, VoiceConfig.defaults());
        assertEquals(List.of("voice clips (" + tmp + "): missing manifest.yaml"), errors);
    }

    private List<String> failures(Path dir, VoiceConfig config) {
        ClipSetLoader.Result r = ClipSetLoader.load(ClipSource.directory(dir), config);
        return assertInstanceOf(ClipSetLoader.Result.Failed.class, r).errors();
    }

    /** Copies the shipped clip set (from the test class path's resources folder) to tmp/our-voice. */
    private Path copyShippedSet() throws IOException {
        Path source;
        try {
            source = Path.of(getClass().getClassLoader().getResource("voice/default/manifest.yaml").toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path target = tmp.resolve("our-voice");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return target;
    }
}
