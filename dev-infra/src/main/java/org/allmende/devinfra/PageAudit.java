package org.allmende.devinfra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.allmende.devinfra.Browser.AccessibilityViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An accessibility audit over many pages (ADR 0031): each page as the browser shows it now, checked by axe-core
 * against WCAG 2.1 A and AA on a desktop and on a phone's width, where the page must also not scroll sideways.
 * Collects everything and fails once, with the whole list, so one run shows all that is left to fix.
 */
public final class PageAudit {

    /** A desktop window, and a phone's (375 CSS pixels, e.g. an iPhone SE or mini). */
    public static final int WIDE = 1280;

    public static final int NARROW = 375;

    /** WCAG 2.1 A and AA, and axe-core's best practices beyond them (one main landmark, content in landmarks,
     * headings in order, one h1): cheap to keep, and what a screen reader user finds the page by. */
    private static final List<String> RULES = concat(Browser.WCAG_21_AA, List.of("best-practice"));

    private static final Logger LOG = LoggerFactory.getLogger(PageAudit.class);

    private final List<AccessibilityViolation> violations = new ArrayList<>();
    private final List<String> pages = new ArrayList<>();

    /** Audits the browser's current page at both widths; leaves the browser at the desktop width. */
    public PageAudit check(Browser browser) {
        try {
            for (var width : List.of(WIDE, NARROW)) {
                browser.resize(width, 900);
                var page = browser.path() + " [" + browser.htmlLanguage() + ", " + width + " px]";
                pages.add(page);
                browser.accessibilityViolations(RULES).stream()
                        .map(v -> new AccessibilityViolation(page, v.rule(), v.impact(), v.target(), v.help()))
                        .forEach(violations::add);
                if (width == NARROW && browser.scrollsSideways()) {
                    violations.add(new AccessibilityViolation(
                            page,
                            "reflow",
                            "serious",
                            "html",
                            "Content must reflow at a phone's width without scrolling sideways (WCAG 1.4.10)"));
                }
            }
        } finally {
            browser.resize(WIDE, 900);
        }
        return this;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** Page views audited: each page (or state of a page) in each language at each width counts once. */
    public int pagesAudited() {
        return pages.size();
    }

    public List<AccessibilityViolation> violations() {
        return List.copyOf(violations);
    }

    /** Elements in violation, by rule id. */
    public Map<String, Long> byRule() {
        var counts = new TreeMap<String, Long>();
        violations.forEach(v -> counts.merge(v.rule(), 1L, Long::sum));
        return counts;
    }

    /** Logs what was audited and found, then fails with the list of violations unless there is none. */
    public void assertNoViolations() {
        LOG.info("Accessibility audit: {} page views, {} violations {}", pagesAudited(), violations.size(), byRule());
        Browser.assertNoViolations(violations);
    }
}
