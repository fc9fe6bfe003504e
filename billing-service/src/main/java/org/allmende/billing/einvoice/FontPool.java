package org.allmende.billing.einvoice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/**
 * The invoice's fonts, parsed once and reused: parsing a TrueType font costs more than drawing an invoice. Each
 * parsed pair serves one document at a time (FontBox fonts are not meant to be read by two threads at once); a few
 * are kept for the next documents, more are parsed when many documents are drawn at the same time. (Subsetting
 * "closes" the font it reads from; FontBox keeps a parsed font's bytes in memory, so the font stays readable. The
 * PDF tests render documents one after another with the same fonts and would fail if that changed.)
 *
 * <p>Source Sans Pro (SIL Open Font License), which Mustang ships for its own PDFs. Without its GSUB table: PDFBox 3
 * would set "fi" or "ff" as ligature glyphs that have no Unicode mapping, which PDF/A-3u forbids (and copying the
 * text would lose the letters).
 */
final class FontPool {

    record Fonts(Face regular, Face bold) {}

    /** A parsed font and the widths of the characters drawn with it so far, in thousandths of the font size. */
    static final class Face {
        private final TrueTypeFont ttf;
        private final CmapLookup characters;
        private final float perEm;
        private final Map<Integer, Float> widths = new HashMap<>();

        private Face(TrueTypeFont ttf) throws IOException {
            this.ttf = ttf;
            this.characters = ttf.getUnicodeCmapLookup();
            this.perEm = 1000f / ttf.getUnitsPerEm();
        }

        TrueTypeFont ttf() {
            return ttf;
        }

        float width(String text) {
            var width = 0f;
            for (var i = 0; i < text.length(); ) {
                var codePoint = text.codePointAt(i);
                width += widths.computeIfAbsent(codePoint, this::advance);
                i += Character.charCount(codePoint);
            }
            return width;
        }

        /**
         * The text as this font can show it: a character it has no glyph for (a symbol, another script, a control
         * character) becomes "?" instead of failing the whole PDF. Names and descriptions come from data.
         */
        String printable(String text) {
            var printable = new StringBuilder(text.length());
            for (var i = 0; i < text.length(); ) {
                var codePoint = text.codePointAt(i);
                if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                    printable.append(' ');
                } else if (Character.isISOControl(codePoint) || characters.getGlyphId(codePoint) == 0) {
                    printable.append('?');
                } else {
                    printable.appendCodePoint(codePoint);
                }
                i += Character.charCount(codePoint);
            }
            return printable.toString();
        }

        private float advance(int codePoint) {
            try {
                return ttf.getAdvanceWidth(characters.getGlyphId(codePoint)) * perEm;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final byte[] REGULAR = resource("fonts/SourceSansPro-Regular.ttf");
    private static final byte[] BOLD = resource("fonts/SourceSansPro-Bold.ttf");
    private static final int KEPT = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final ConcurrentLinkedQueue<Fonts> idle = new ConcurrentLinkedQueue<>();

    Fonts borrow() {
        var fonts = idle.poll();
        return fonts != null ? fonts : new Fonts(face(REGULAR), face(BOLD));
    }

    void giveBack(Fonts fonts) {
        if (idle.size() < KEPT) {
            idle.offer(fonts);
        }
    }

    private static Face face(byte[] font) {
        try {
            var ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
            ttf.getTableMap().remove("GSUB");
            return new Face(ttf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file Mustang ships (fonts, colour profile), read from its jar. */
    static byte[] resource(String name) {
        try (InputStream in = ZUGFeRDExporterFromA3.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
