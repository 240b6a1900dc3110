// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading written PDFs back with poppler-utils (pdftotext, pdfinfo), as a reviewer would.
#include <QProcess>
#include <QString>
#include <QStringList>

namespace dc::testsupport {

/// Runs a poppler tool; empty when the tool is missing or fails.
inline QString runPoppler(const QString& tool, const QStringList& arguments) {
  QProcess process;
  process.start(tool, arguments);
  if (!process.waitForFinished(30'000) || process.exitStatus() != QProcess::NormalExit ||
      process.exitCode() != 0) {
    return {};
  }
  return QString::fromUtf8(process.readAllStandardOutput());
}

/// The text of every page of `pdf`, in order (pdftotext -layout separates pages by form feeds).
inline QStringList pdfPageTexts(const QString& pdf) {
  QStringList pages =
      runPoppler(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")})
          .split(QLatin1Char('\f'));
  if (!pages.isEmpty() && pages.last().trimmed().isEmpty()) {
    pages.removeLast();
  }
  return pages;
}

}  // namespace dc::testsupport
