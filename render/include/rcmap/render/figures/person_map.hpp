#pragma once
// The person map of `rcmap network` (docs/people.md "Outputs", person map).
#include <cstddef>
#include <string>
#include <vector>

#include "rcmap/people/people.hpp"
#include "rcmap/render/figures/figures.hpp"

namespace rcmap::render {

struct PersonMapInput {
  const std::vector<Unit>* units = nullptr;
  const people::People* people = nullptr;
  const people::PersonTies* ties = nullptr;
  int min_n = 5;
  std::size_t max_nodes = 2000;
  // The top cross-side brokers (brokers.csv rows) as indices into `people`,
  // ringed on the map; null or empty: none marked.
  const std::vector<std::uint32_t>* brokers = nullptr;
};

struct PersonMapInfo {
  bool unit_level = false;                      // more drawable people than max_nodes: units drawn instead
  std::size_t people = 0, ties = 0, units = 0;  // drawn
  std::size_t brokers = 0;                      // ringed
};

// Person map: every person of a unit with at least min_n people as a dot
// coloured by the side of their unit (side_a, side_b, then the others, the
// palette of the other figures), inside a disc per unit labelled with the
// unit's label; the top brokers (PersonMapInput::brokers) ringed in black; ties between drawn people as faint lines,
// side_a <-> side_b ties darker. People are never labelled. With more than max_nodes drawable people the units are
// drawn instead (disc area ~ people, line width ~ person ties between them) with a note. People and ties of units below
// min_n are not drawn (noted). Layout: people::person_layout. Byte-identical
// for identical input. Throws OutputError if the file cannot be written.
PersonMapInfo render_person_map(const PersonMapInput& in, const FigureOptions& o, Format f, const std::string& path);
// The same page drawn onto a caller's Cairo context whose user space is one
// o.page_width x o.page_height page (as draw_map_page); render_person_map
// draws exactly this page. On an image surface (PNG) each person tie is
// stroked on its own and fainter, elsewhere one path per layer (see
// person_map.cpp). Returns what was drawn. O(people + ties) after the layout.
PersonMapInfo draw_person_map_page(cairo_t* cr, const PersonMapInput& in, const FigureOptions& o);

}  // namespace rcmap::render
