// SPSS .sav reading through ReadStat's callback parser (readstat.h): the
// variable handler gives names and label-set names, the value-label handler
// the code -> label tables, the value handler one cell at a time.
#include "rcmap/io/sav_reader.hpp"

#include <readstat.h>

#include <cmath>
#include <map>
#include <memory>
#include <set>

#include "util/text.hpp"

namespace rcmap {

namespace {

struct Cell {
  bool numeric = false, empty = true;
  double number = 0;
  std::string text;
};

struct SavContext {
  std::vector<std::string> names;      // variable names
  std::vector<std::string> label_set;  // per variable, "" if none
  std::map<std::string, std::map<double, std::string>> num_labels;
  std::map<std::string, std::map<std::string, std::string>> str_labels;
  std::vector<std::vector<Cell>> rows;
  std::string error;
};

int on_variable(int index, readstat_variable_t* v, const char* val_labels, void* ctx) {
  auto* c = static_cast<SavContext*>(ctx);
  if (index < 0) return READSTAT_HANDLER_OK;
  if (c->names.size() <= std::size_t(index)) c->names.resize(index + 1), c->label_set.resize(index + 1);
  const char* name = readstat_variable_get_name(v);  // NULL in a damaged file (found by fuzz_sav)
  c->names[index] = name ? name : "";
  c->label_set[index] = val_labels ? val_labels : "";
  return READSTAT_HANDLER_OK;
}

int on_value_label(const char* set, readstat_value_t value, const char* label, void* ctx) {
  auto* c = static_cast<SavContext*>(ctx);
  if (!set || !label) return READSTAT_HANDLER_OK;  // damaged label record
  if (readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING)
    c->str_labels[set][detail::trim(readstat_string_value(value) ? readstat_string_value(value) : "")] = label;
  else if (!readstat_value_is_system_missing(value))
    c->num_labels[set][readstat_double_value(value)] = label;
  return READSTAT_HANDLER_OK;
}

int on_value(int obs, readstat_variable_t* v, readstat_value_t value, void* ctx) {
  auto* c = static_cast<SavContext*>(ctx);
  if (c->rows.size() <= std::size_t(obs)) c->rows.resize(obs + 1);
  auto& row = c->rows[obs];
  int idx = readstat_variable_get_index(v);
  if (idx < 0) return READSTAT_HANDLER_OK;
  if (row.size() <= std::size_t(idx)) row.resize(idx + 1);
  Cell& cell = row[idx];
  if (readstat_value_is_system_missing(value) || readstat_value_is_defined_missing(value, v))
    return READSTAT_HANDLER_OK;
  if (readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING) {
    const char* s = readstat_string_value(value);
    cell.text = detail::trim(s ? s : "");
    cell.empty = cell.text.empty();
  } else {
    double d = readstat_double_value(value);
    if (std::isnan(d)) return READSTAT_HANDLER_OK;
    cell.numeric = true;
    cell.number = d;
    cell.text = detail::format_number(d);
    cell.empty = false;
  }
  return READSTAT_HANDLER_OK;
}

void on_error(const char* msg, void* ctx) {
  auto* c = static_cast<SavContext*>(ctx);
  if (c->error.empty()) c->error = detail::trim(msg);
}

}  // namespace

CsvTable read_sav(const std::string& path, const std::vector<std::string>& label_variables, Diagnostics& diags) {
  CsvTable table;
  table.path = path;
  SavContext ctx;
  std::unique_ptr<readstat_parser_t, void (*)(readstat_parser_t*)> parser(readstat_parser_init(), readstat_parser_free);
  readstat_set_variable_handler(parser.get(), on_variable);
  readstat_set_value_label_handler(parser.get(), on_value_label);
  readstat_set_value_handler(parser.get(), on_value);
  readstat_set_error_handler(parser.get(), on_error);
  readstat_error_t rc = readstat_parse_sav(parser.get(), path.c_str(), &ctx);
  if (rc != READSTAT_OK) {
    std::string why = readstat_error_message(rc);
    if (!ctx.error.empty() && ctx.error != why) why += " (" + ctx.error + ")";
    diags.error(path, 0, 0, {}, "cannot read as an SPSS .sav file: " + why);
    return table;
  }
  table.header = ctx.names;

  // Which variables get their codes replaced by value labels.
  std::vector<bool> use_labels(ctx.names.size(), false);
  for (const auto& want : label_variables) {
    if (want == "*") {
      for (std::size_t i = 0; i < ctx.names.size(); ++i) use_labels[i] = use_labels[i] || !ctx.label_set[i].empty();
      continue;
    }
    int i = detail::find_column(ctx.names, want);
    if (i < 0) {
      diags.error(
          path, 1, 0, want,
          "no variable '" + want + "' to read value labels from; the file has " + detail::quoted_list(ctx.names));
    } else if (ctx.label_set[i].empty()) {
      diags.warning(path, 1, std::size_t(i) + 1, ctx.names[i],
                    "variable '" + ctx.names[i] + "' has no value labels; its codes are kept");
    } else {
      use_labels[i] = true;
    }
  }

  for (std::size_t obs = 0; obs < ctx.rows.size(); ++obs) {
    CsvRow row;
    row.line = obs + 2;
    row.fields.resize(ctx.names.size());
    auto& cells = ctx.rows[obs];
    for (std::size_t i = 0; i < cells.size() && i < row.fields.size(); ++i) {
      const Cell& c = cells[i];
      if (c.empty) continue;
      row.fields[i] = c.text;
      if (!use_labels[i]) continue;
      const std::string& set = ctx.label_set[i];
      bool found = false;
      if (c.numeric) {
        if (auto s = ctx.num_labels.find(set); s != ctx.num_labels.end())
          if (auto l = s->second.find(c.number); l != s->second.end()) row.fields[i] = l->second, found = true;
      } else if (auto s = ctx.str_labels.find(set); s != ctx.str_labels.end()) {
        if (auto l = s->second.find(c.text); l != s->second.end()) row.fields[i] = l->second, found = true;
      }
      if (!found)
        diags.warning(path, row.line, i + 1, ctx.names[i], "code " + c.text + " has no value label; kept the code");
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace rcmap
