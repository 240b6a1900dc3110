// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalogloader.h"
#include "mainwindow.h"
#include "settings.h"
#include "templates/templateloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("DC Studio"));
  QApplication::setOrganizationName(QStringLiteral("DC Studio"));
  QApplication::setApplicationVersion(QStringLiteral(DCSTUDIO_VERSION));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Design data-center halls for AI workloads."));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption templateOption(
      QStringLiteral("template"),
      QStringLiteral("Start a new project from the template NAME (in templates/)."),
      QStringLiteral("NAME"));
  parser.addOption(templateOption);
  parser.addPositionalArgument(QStringLiteral("file"),
                               QStringLiteral("A .dcstudio project to open."));
  parser.process(app);

  dc::MainWindow window(dc::loadCatalogFolders(dc::Settings::catalogFolderChain()));
  window.show();

  // Open once the event loop runs, so an error box does not interrupt the window's first layout.
  QTimer::singleShot(0, &window, [&window, &parser, &templateOption] {
    if (!parser.positionalArguments().isEmpty()) {
      window.openFile(parser.positionalArguments().first());
    } else if (parser.isSet(templateOption)) {
      QString name = parser.value(templateOption);
      if (!QFileInfo(name).isFile()) {
        name =
            QDir(dc::shippedTemplatesFolder())
                .filePath(name.endsWith(QLatin1String(".json")) ? name
                                                                : name + QStringLiteral(".json"));
      }
      window.openTemplate(name);
    }
  });
  return QApplication::exec();
}
