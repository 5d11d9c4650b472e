#pragma once
// Unicode look-alikes and invisible characters in unit ids and labels
// (docs/input.md "Look-alike ids and labels"). Normalisation and case
// folding by utf8proc (Unicode 15; NFC as in UAX #15, full case folding as in
// CaseFolding.txt, default ignorables as in DerivedCoreProperties.txt).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rcmap/io/diagnostics.hpp"
#include "rcmap/survey/survey.hpp"

namespace rcmap {

// Key under which two texts look alike: NFC, default-ignorable code points
// (zero-width characters, bidirectional controls, soft hyphen, ...) removed,
// runs of white space (incl. no-break spaces) one ASCII space, trimmed,
// case-folded. "Skole A\u030A" and "skole \u00C5" have the same key. Text that
// is not valid UTF-8 is its own key. O(length).
std::string lookalike_key(std::string_view s);

// `s` with each bidirectional control character (Bidi_Control, PropList.txt:
// U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069) replaced by its
// code point in angle brackets, "⟨U+202E⟩", so that it cannot reorder the text
// around it. Used for every text drawn in figures and the report; tables keep
// labels exactly as given. Returns `s` unchanged (one scan) when it holds none.
std::string show_bidi_controls(std::string_view s);

// As show_bidi_controls, and also every other default-ignorable (invisible)
// code point, e.g. "Skole⟨U+200B⟩": for messages about look-alikes.
std::string show_invisible(std::string_view s);

// Warnings (file `path`, the later unit's line and the id or label column)
// for every unit whose id, or whose label, has the same lookalike_key as an
// earlier unit's: the message names both units (ids, lines) and says what
// makes them alike (letter case, Unicode composition, invisible characters
// named by code point, spacing; or the same text). Labels are compared only
// when one of the two was given (a blank label is the id); ids and labels
// over 4,096 bytes are not compared. Units in file order; O(units * length).
void lookalike_warnings(const std::vector<Unit>& units, const std::string& path, std::size_t id_column,
                        std::size_t label_column, Diagnostics& diags);

}  // namespace rcmap
