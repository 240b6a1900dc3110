// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

namespace dc {

/// Exit codes of dcstudio-cli.
enum CliExitCode : int {
  kCliOk = 0,         ///< done
  kCliDataError = 1,  ///< a file is missing or broken, the catalog has errors, validate: the
                      ///< design has an error finding
  kCliUsageError = 2  ///< the command line itself is wrong
};

/// Runs dcstudio-cli: `info FILE`, `analyze FILE [--json] [--fail SCENARIO]`,
/// `validate FILE [--json] [--fail SCENARIO]`, `catalog [--json]`, `new TEMPLATE OUT`, with the
/// options `--catalog DIR` (repeatable) and `--help` (docs/cli.md).
///
/// `args` is the command line without the program name. Results go to `out`, every problem to
/// `err` with a message that names the file, item or option concerned. Returns a CliExitCode.
/// Reads project files only: nothing is ever written to them. Never throws.
int runCli(const QStringList& args, QTextStream& out, QTextStream& err);

}  // namespace dc
