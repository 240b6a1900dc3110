// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommands.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>

/// dcstudio-cli: the studio's project and catalog tools without a window (see clicommands.h).
int main(int argc, char* argv[]) {
  QStringList args;
  for (int i = 1; i < argc; ++i) {
    args.append(QString::fromLocal8Bit(argv[i]));
  }
  // export-pdf draws its charts with Qt Charts, which are widgets: it needs a QApplication, and
  // a command-line tool must not need a display, so it runs offscreen unless told otherwise.
  // Every other command stays a QCoreApplication that starts no window system at all.
  std::unique_ptr<QCoreApplication> app;
  if (dc::cliNeedsWidgets(args)) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
      qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    app = std::make_unique<QApplication>(argc, argv);
  } else {
    app = std::make_unique<QCoreApplication>(argc, argv);
  }
  QCoreApplication::setApplicationName(QStringLiteral("dcstudio-cli"));
  QTextStream out(stdout);
  QTextStream err(stderr);
  const int code = dc::runCli(QCoreApplication::arguments().mid(1), out, err);
  out.flush();
  err.flush();
  return code;
}
