// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalogloader.h"
#include "mainwindow.h"
#include "settings.h"
#include "templates/templatecatalog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

namespace {

/// The studio's command line. `--version` prints "DC Studio 0.1.0" (the project version) and
/// `--help` the options, both without opening a window.
struct StudioCommandLine {
  QCommandLineParser parser;
  QCommandLineOption templateOption{
      QStringLiteral("template"),
      QStringLiteral("Start a new project from the template NAME (dcstudio-cli templates lists "
                     "them) or a template file."),
      QStringLiteral("NAME")};

  StudioCommandLine() {
    parser.setApplicationDescription(QStringLiteral("Design data-center halls for AI workloads."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(templateOption);
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("A .dcstudio project to open."));
  }
};

void setApplicationNames() {
  QCoreApplication::setApplicationName(QStringLiteral("DC Studio"));
  QCoreApplication::setOrganizationName(QStringLiteral("DC Studio"));
  QCoreApplication::setApplicationVersion(QStringLiteral(DCSTUDIO_VERSION));
}

/// --version and --help answer as a command-line tool does: without a display, so they work
/// over ssh and in scripts. QCommandLineParser prints them and exits.
void answerWithoutWindow(int argc, char* argv[]) {
  for (int i = 1; i < argc; ++i) {
    const QByteArray arg(argv[i]);
    if (arg == "--version" || arg == "-v" || arg == "--help" || arg == "-h" ||
        arg == "--help-all" || arg == "-?") {
      QCoreApplication app(argc, argv);
      setApplicationNames();
      StudioCommandLine commandLine;
      commandLine.parser.process(app);
    }
  }
}

}  // namespace

int main(int argc, char* argv[]) {
  answerWithoutWindow(argc, argv);
  QApplication app(argc, argv);
  setApplicationNames();
  StudioCommandLine commandLine;
  commandLine.parser.process(app);

  dc::MainWindow window(dc::loadCatalogFolders(dc::Settings::catalogFolderChain()));
  window.show();

  // Open once the event loop runs, so an error box does not interrupt the window's first layout.
  QTimer::singleShot(0, &window, [&window, &commandLine] {
    const QCommandLineParser& parser = commandLine.parser;
    if (!parser.positionalArguments().isEmpty()) {
      window.openFile(parser.positionalArguments().first());
    } else if (parser.isSet(commandLine.templateOption)) {
      const QString name = parser.value(commandLine.templateOption);
      const QString path = dc::resolveTemplate(name);
      // An unknown name still goes to openTemplate(), which says the file cannot be read.
      window.openTemplate(path.isEmpty() ? name : path);
    }
  });
  return QApplication::exec();
}
