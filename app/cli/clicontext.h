// SPDX-License-Identifier: GPL-3.0-or-later
// What the command files of dcstudio-cli share: the parsed command line, the two errors a
// command throws, and opening a project and the catalog the same way in every command.
#pragma once

#include "catalog/catalogloader.h"
#include "engine/analysis.h"
#include "engine/snapshot.h"
#include "model/project.h"

#include <QHash>
#include <QStringList>
#include <QTextStream>

#include <limits>

namespace dc {

/// The command line is wrong: exit 2.
struct UsageError {
  QString message;
};

/// A file or the catalog has a problem: exit 1. The message names it.
struct DataError {
  QString message;
};

/// The command line, parsed: the command, its positional arguments and its options.
struct Options {
  QString command;
  QStringList arguments;           ///< positional arguments after the command
  QStringList catalogDirs;         ///< --catalog, in order
  QHash<QString, QString> values;  ///< options with a value by long name ("--what" -> "bom")
  bool json = false;
  bool force = false;
  bool help = false;
  bool version = false;

  bool has(const char* option) const { return values.contains(QLatin1String(option)); }
  QString value(const char* option) const { return values.value(QLatin1String(option)); }
};

/// The single FILE argument of `info`, `analyze`, `validate` and the exports.
QString fileArgument(const Options& options);

/// The whole number `option` gives, from `minimum` to `maximum`; anything else is a usage error
/// naming the option and `what` it counts ("--nodes: 0 is not a node count of 1 or more").
int wholeOption(const Options& options, const char* option, int minimum, const char* what,
                int maximum = std::numeric_limits<int>::max());

/// Reads a project file; a missing, folder or broken file is a DataError naming the path.
Project openProject(const QString& path);

/// The shipped catalog plus the --catalog folders. Every problem is printed on `err`; any error
/// stops the command: numbers from a half-loaded catalog would look complete and not be.
CatalogLoadResult loadCatalog(const Options& options, QTextStream& err);

/// The --fail scenario for `project`; a scenario the design cannot have is a usage error.
FailureScenario failureScenario(const Options& options, const Project& project);

/// "12 racks" or "12 racks, 2 cooling units", counted by the engine as every command does.
QString positionsText(const Project& project, const Analysis& analysis);

/// "0.1.0": the project version dcstudio-cli was built from.
QString cliVersion();

// The commands, in their own files: each returns a CliExitCode or throws a UsageError or
// DataError.
int runTemplates(const Options& options, QTextStream& out, QTextStream& err);  ///< clitemplates
int runNew(const Options& options, QTextStream& out, QTextStream& err);        ///< clitemplates
int runExportPdf(const Options& options, QTextStream& out, QTextStream& err);  ///< cliexport
int runExportCsv(const Options& options, QTextStream& out, QTextStream& err);  ///< cliexport
int runFabric(const Options& options, QTextStream& out, QTextStream& err);     ///< clifabric
int runLink(const Options& options, QTextStream& out, QTextStream& err);       ///< clifabric
int runFit(const Options& options, QTextStream& out, QTextStream& err);        ///< clifit

}  // namespace dc
