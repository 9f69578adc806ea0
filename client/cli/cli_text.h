#pragma once

#include <initializer_list>
#include <ostream>
#include <string>

#include "CLI/CLI.hpp"

namespace junheng::client {

// The command line in the reader's language. CLI11 writes its own words (Usage, OPTIONS, group
// names, the help flag, its parse errors, its validators) in English; these put the message
// catalogue's words in their place.

// The labels of the shared formatter, the help flag and the option and command groups of `app`.
// Call it before adding any option or subcommand: a subcommand copies them when it is made.
void SpeakCli(CLI::App& app);

// After every subcommand is added: CLI11 makes a subcommand's help flag before it copies the
// option group, so those flags are moved into the translated group here.
void SpeakCliHelpFlags(CLI::App& app);

// What CLI11 refused, as one error line with what to do next (`junheng COMMAND --help`). The two
// a clerk meets most, an unexpected argument and a missing one, are rebuilt from their parts; any
// other is quoted.
void SayParseError(const CLI::App& app, const CLI::ParseError& e, std::ostream& err);

// Validators whose refusals come from the catalogue (CLI11's name the range up to DBL_MAX).
CLI::Validator PositiveNumber();
CLI::Validator NonNegativeNumber();
CLI::Validator OneOf(std::initializer_list<const char*> words);

}  // namespace junheng::client
