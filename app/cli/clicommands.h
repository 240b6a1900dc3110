// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

namespace dc {

/// Exit codes of dcstudio-cli.
enum CliExitCode : int {
  kCliOk = 0,         ///< done
  kCliDataError = 1,  ///< a file or template is missing or broken, the catalog has errors, an
                      ///< output cannot be written or exists without --force, validate: the
                      ///< design has an error finding
  kCliUsageError = 2  ///< the command line itself is wrong
};

/// Runs dcstudio-cli: `info FILE`, `analyze FILE [--json] [--fail SCENARIO]`,
/// `validate FILE [--json] [--fail SCENARIO]`, `catalog [--json]`, `templates [--json]`,
/// `new --template NAME -o FILE [--width-m W --depth-m D] [--force]` (or `new TEMPLATE FILE`),
/// `export-pdf FILE -o OUT.pdf [--revision R] [--author A] [--fail SCENARIO] [--force]`,
/// `export-csv FILE --what KIND -o OUT.csv|- [--force]`, `fabric --nodes N --gpus-per-node G
/// --switch ID [--oversubscription R] [--tiers auto|2|3] [--reserved-ports K]
/// [--node-ports-per-cage C] [--json]`, `link --length-m L --speed-gbps S [--protocol P]
/// [--json]`, with the options `--catalog DIR`
/// (repeatable), `--help` and `--version` (docs/cli.md).
///
/// `args` is the command line without the program name. Results go to `out`, every problem to
/// `err` with a message that names the file, item or option concerned. Returns a CliExitCode.
/// Reads project files only: nothing is ever written to them. An output file is checked before
/// any work and written in one step, so a failed command leaves nothing behind. Never throws.
/// `export-pdf` draws charts with Qt Charts: it needs a QApplication (cliNeedsWidgets()).
int runCli(const QStringList& args, QTextStream& out, QTextStream& err);

/// True when `args` run a command that draws with widgets (export-pdf): main() then makes a
/// QApplication (on the offscreen platform unless one is chosen) instead of a QCoreApplication.
bool cliNeedsWidgets(const QStringList& args);

}  // namespace dc
