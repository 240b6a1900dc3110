// SPDX-License-Identifier: GPL-3.0-or-later
// dc_savechild <file> <racks> <mounts per rack>: saves testdata::largeProject() to <file> over
// and over, printing "saved" after each save, until killed. tst_projectfile kills it with
// SIGKILL in the middle of a save and checks that <file> is still a whole project.
#include "sampleprojects.h"
#include "storage/projectfile.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const QStringList args = QCoreApplication::arguments();
  if (args.size() == 3 && args[1] == QLatin1String("--write-golden-v2")) {
    // How tests/data/schema-v2.dcstudio was made (once, when schema 2 shipped).
    dc::saveProject(dc::testdata::frozenSampleProjectV2(), args[2]);
    return 0;
  }
  if (args.size() == 3 && args[1] == QLatin1String("--write-golden-v3")) {
    // How tests/data/schema-v3.dcstudio was made (once, when schema 3 shipped).
    dc::saveProject(dc::testdata::frozenSampleProjectV3(), args[2]);
    return 0;
  }
  if (args.size() == 3 && args[1] == QLatin1String("--write-golden-v4")) {
    // How tests/data/schema-v4.dcstudio was made (once, when schema 4 shipped).
    dc::saveProject(dc::testdata::frozenSampleProjectV4(), args[2]);
    return 0;
  }
  if (args.size() == 3 && args[1] == QLatin1String("--write-golden-v5")) {
    // How tests/data/schema-v5.dcstudio was made (once, when schema 5 shipped).
    dc::saveProject(dc::testdata::frozenSampleProjectV5(), args[2]);
    return 0;
  }
  if (args.size() == 3 && args[1] == QLatin1String("--write-golden-v6")) {
    // How tests/data/schema-v6.dcstudio was made (once, when schema 6 shipped).
    dc::saveProject(dc::testdata::frozenSampleProjectV6(), args[2]);
    return 0;
  }
  if (args.size() != 4) {
    std::fprintf(stderr, "usage: dc_savechild <file> <racks> <mounts per rack>\n");
    return 2;
  }
  const dc::Project project = dc::testdata::largeProject(args[2].toInt(), args[3].toInt());
  std::printf("ready\n");
  std::fflush(stdout);
  try {
    for (;;) {
      dc::saveProject(project, args[1]);
      std::printf("saved\n");
      std::fflush(stdout);
    }
  } catch (const dc::StorageError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
}
