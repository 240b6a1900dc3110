// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "templateloader.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace dc {

/// A finding a reference design has by design, as its template states it: the test asserts
/// that the analysis finds exactly these (code and severity, `count` times).
struct ExpectedFinding {
  QString code;      ///< "power.high-density"
  QString severity;  ///< "error", "warning", "info"
  int count = 1;
  QString why;  ///< why the real design has it
};

/// What a template says about itself, for File ▸ New from Template and `dcstudio-cli templates`.
struct TemplateInfo {
  QString name;  ///< file name without .json: what `new --template NAME` takes
  QString path;
  QString title;  ///< "DGX SuperPOD H100 — 4 scalable units"
  QString vendor;
  QString revision;
  QString description;
  QStringList sources;  ///< "title, URL"
  QStringList adapted;  ///< what the template changed or chose against the published design
  QStringList notes;
  QList<ExpectedFinding> expectedFindings;
  bool resizable = false;  ///< takes --width-m / --depth-m (the empty hall)
  double widthMm = 0.0;    ///< extent of its halls' outlines (the first hall for resizable)
  double depthMm = 0.0;
  int hallCount = 0;
  int rackCount = 0;  ///< racks and rack-scale systems, rows counted out
};

/// Reads a template's description without building it. Throws TemplateError.
TemplateInfo readTemplateInfo(const QString& path);

/// The templates of a folder, sorted by vendor then title; files that cannot be read are named
/// in `problems` ("broken.json: not valid JSON at byte 12 ...").
struct TemplateList {
  QList<TemplateInfo> templates;
  QStringList problems;
};
TemplateList listTemplates(const QString& folder = shippedTemplatesFolder());

/// The file for `nameOrPath`: a template name in `folder` ("dgx-superpod-h100-4su"), or a path
/// to a template file. Empty when neither exists.
QString resolveTemplate(const QString& nameOrPath,
                        const QString& folder = shippedTemplatesFolder());

/// A hall size given for a resizable template (the empty hall), in millimetres.
struct HallSize {
  double widthMm = 0.0;
  double depthMm = 0.0;
};

/// The smallest and largest hall side a size may give (3 m to 1 km).
inline constexpr double kMinHallSideMm = 3000.0;
inline constexpr double kMaxHallSideMm = 1.0e6;

/// loadTemplateFile() with the first hall's outline replaced by a `size` rectangle. Throws
/// TemplateError when the template is not resizable or a side is outside the limits above.
Project loadTemplateFileSized(const QString& path, const std::optional<HallSize>& size,
                              const TemplateCatalogIds* catalog = nullptr);

}  // namespace dc
