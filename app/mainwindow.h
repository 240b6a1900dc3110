// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalogloader.h"
#include "edit/designdocument.h"
#include "engine/analysis.h"

#include <QMainWindow>
#include <QUndoGroup>

#include <memory>

class QLabel;
class QListWidget;
class QMenu;

namespace dc {

class CatalogDock;
class FloorPlanScene;
class FloorPlanView;
class PropertiesPanel;

/// The studio's main window: catalog dock, floor plan, properties and findings, menus, status
/// bar with hall totals. It owns the open document and re-runs the engine after every change.
class MainWindow final : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(CatalogLoadResult catalog, QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Opens a project file. On failure shows the reason and keeps the current project.
  bool openFile(const QString& path);
  /// Starts a new, unsaved project from a template file.
  bool openTemplate(const QString& path);
  /// Saves to `path`; on failure shows the reason and the old file stays as it was.
  bool saveTo(const QString& path);
  /// Reloads the catalog from the shipped folder and `userFolders` and re-analyses the open
  /// design against it. Problems are kept for the problems dialog, never fatal.
  void reloadCatalog(const QStringList& userFolders);
  const QList<CatalogProblem>& catalogProblems() const noexcept { return mCatalog.problems; }

  DesignDocument* document() const noexcept { return mDocument.get(); }
  FloorPlanView* floorPlanView() const noexcept { return mView; }
  FloorPlanScene* floorPlanScene() const noexcept;
  CatalogDock* catalogDock() const noexcept { return mCatalogDock; }
  const Analysis& analysis() const noexcept { return mAnalysis; }
  const Catalog& catalog() const noexcept { return mCatalog.catalog; }

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void createActions();
  void setDocument(Project project, const QString& filePath);
  void reanalyse();
  void updateTitle();
  void updateRecentMenu();
  bool maybeSave();
  void newProject();
  void open();
  bool save();
  bool saveAs();
  void deleteSelection();
  void rotateSelection();
  void showFindings();
  void editSettings();
  void showCatalogProblems();

  CatalogLoadResult mCatalog;
  std::unique_ptr<DesignDocument> mDocument;
  Analysis mAnalysis;
  QString mFilePath;
  FloorPlanView* mView = nullptr;
  CatalogDock* mCatalogDock = nullptr;
  PropertiesPanel* mProperties = nullptr;
  QListWidget* mFindings = nullptr;
  QLabel* mTotals = nullptr;
  QMenu* mRecentMenu = nullptr;
  QMenu* mEditMenu = nullptr;
  QUndoGroup mUndoGroup;
  QDockWidget* mPropertiesDock = nullptr;
  QDockWidget* mFindingsDock = nullptr;
  bool mDocksSized = false;  ///< dock sizes were applied and laid out: keep them on reopen
};

}  // namespace dc
