// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

/// dcstudio-cli: the studio's project and catalog tools without a window (see clicommands.h).
int main(int argc, char* argv[]) {
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("dcstudio-cli"));
  QTextStream out(stdout);
  QTextStream err(stderr);
  const int code = dc::runCli(QCoreApplication::arguments().mid(1), out, err);
  out.flush();
  err.flush();
  return code;
}
