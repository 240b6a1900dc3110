// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "templates/templatecatalog.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QTextBrowser;
class QTreeWidget;

namespace dc {

class TemplatePreview;

/// File ▸ New from Template: the reference designs grouped by vendor, with a to-scale preview
/// of the selected one, its description, sources, what it adapted from the published design,
/// the findings it is expected to have, and for a resizable template (the empty hall) its
/// width and depth. Each template is loaded against the studio's catalog as it is selected, so
/// one that would not open is said here and cannot be chosen.
class NewFromTemplateDialog final : public QDialog {
  Q_OBJECT

 public:
  explicit NewFromTemplateDialog(const Catalog& catalog, QWidget* parent = nullptr,
                                 const QString& folder = shippedTemplatesFolder());

  /// Selects the template named `name` ("empty-hall"); false when there is none.
  bool selectTemplate(const QString& name);
  /// The selected template's file, or empty.
  QString templatePath() const;
  /// The width and depth asked for a resizable template, else nullopt.
  std::optional<HallSize> hallSize() const;
  /// Sets the size fields (metres) of a resizable template.
  void setHallSizeM(double widthM, double depthM);

  QTreeWidget* templateList() const noexcept { return mList; }
  TemplatePreview* preview() const noexcept { return mPreview; }
  QDoubleSpinBox* widthField() const noexcept { return mWidthM; }
  QDoubleSpinBox* depthField() const noexcept { return mDepthM; }
  /// Why the selected template cannot be opened, or empty.
  const QString& loadProblem() const noexcept { return mLoadProblem; }

 private:
  void fillList();
  void showSelected();
  void reloadPreview();
  const TemplateInfo* selected() const;
  QString detailsHtml(const TemplateInfo& info) const;

  const Catalog& mCatalog;
  TemplateList mTemplates;
  QTreeWidget* mList = nullptr;
  TemplatePreview* mPreview = nullptr;
  QLabel* mTitle = nullptr;
  QLabel* mFacts = nullptr;
  QTextBrowser* mDetails = nullptr;
  QDoubleSpinBox* mWidthM = nullptr;
  QDoubleSpinBox* mDepthM = nullptr;
  QLabel* mSizeNote = nullptr;
  QDialogButtonBox* mButtons = nullptr;
  QString mLoadProblem;
};

}  // namespace dc
