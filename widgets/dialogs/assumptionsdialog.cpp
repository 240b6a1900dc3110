// SPDX-License-Identifier: GPL-3.0-or-later
#include "assumptionsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace dc {

namespace {
constexpr int kEditorWidthPx = 170;
constexpr double kEditorLimit = 1e12;  ///< the spin boxes accept anything: problem() judges

QString unitSuffix(const AssumptionSpec& spec) {
  if (spec.unit == QLatin1String("W")) {
    return QStringLiteral(" kW");
  }
  return spec.unit.isEmpty() ? QString() : QStringLiteral(" ") + spec.unit;
}

int baseDecimals(const AssumptionSpec& spec) {
  if (spec.unit == QLatin1String("W")) {
    return 1;
  }
  if (spec.unit == QLatin1String("USD/kWh")) {
    return 4;
  }
  return spec.unit.isEmpty() ? 2 : 1;
}

/// Enough decimals to show the default with two significant digits (a rate of 4.7e-4 per
/// GPU-day needs 5), never fewer than the unit's usual.
int decimalsFor(const AssumptionSpec& spec) {
  const double v = std::fabs(spec.defaultValue);
  const int significant = v > 0.0 && v < 0.1 ? int(std::ceil(-std::log10(v))) + 1 : 0;
  return std::max(baseDecimals(spec), significant);
}
}  // namespace

AssumptionsDialog::AssumptionsDialog(const DesignAssumptions& assumptions, QWidget* parent)
    : QDialog(parent), mOriginal(assumptions) {
  setObjectName(QStringLiteral("assumptionsDialog"));
  setWindowTitle(tr("Design Assumptions"));
  auto* layout = new QVBoxLayout(this);
  auto* intro =
      new QLabel(tr("The constants this design is analysed with. Each default names "
                    "its public source; changes are saved in the project and undoable."));
  intro->setWordWrap(true);
  layout->addWidget(intro);
  mTabs = new QTabWidget;
  layout->addWidget(mTabs, 1);

  QStringList groups;
  for (const AssumptionSpec& spec : DesignAssumptions::specs()) {
    if (!groups.contains(spec.group)) {
      groups.append(spec.group);
    }
  }
  QFont small = font();
  small.setPointSizeF(small.pointSizeF() * 0.85);
  for (const QString& group : groups) {
    auto* page = new QWidget;
    auto* grid = new QGridLayout(page);
    grid->setColumnStretch(0, 1);
    grid->setVerticalSpacing(2);
    int gridRow = 0;
    for (const AssumptionSpec& spec : DesignAssumptions::specs()) {
      if (spec.group != group) {
        continue;
      }
      Row row;
      row.spec = &spec;
      row.tab = mTabs->count();
      QWidget* editor = nullptr;
      if (!spec.choices.isEmpty()) {
        row.choice = new QComboBox;
        row.choice->addItems(spec.choiceNames);
        row.choice->setCurrentIndex(int(mOriginal.value(spec.key)));
        connect(row.choice, &QComboBox::currentIndexChanged, this, [this] { revalidate(); });
        editor = row.choice;
      } else {
        row.scale = spec.unit == QLatin1String("W") ? 0.001 : 1.0;
        row.number = new QDoubleSpinBox;
        row.number->setDecimals(decimalsFor(spec));
        row.number->setRange(-kEditorLimit, kEditorLimit);
        row.number->setSuffix(unitSuffix(spec));
        row.number->setValue(mOriginal.value(spec.key) * row.scale);
        row.number->setKeyboardTracking(true);
        row.number->setAccelerated(true);
        connect(row.number, &QDoubleSpinBox::valueChanged, this, [this] { revalidate(); });
        editor = row.number;
      }
      editor->setObjectName(spec.key);
      editor->setMinimumWidth(kEditorWidthPx);
      editor->setToolTip(spec.help);
      editor->installEventFilter(this);
      row.label = new QLabel(spec.label);
      row.label->setBuddy(editor);
      row.label->setToolTip(spec.help);
      row.reset = new QToolButton;
      row.reset->setText(tr("Default"));
      row.reset->setObjectName(spec.key + QStringLiteral(".reset"));
      const double defaultValue = spec.defaultValue;
      row.reset->setToolTip(
          spec.choices.isEmpty()
              ? tr("Reset to the default, %1%2").arg(defaultValue * row.scale).arg(unitSuffix(spec))
              : tr("Reset to the default, %1").arg(spec.choiceNames.value(int(defaultValue))));
      const int index = int(mRows.size());
      connect(row.reset, &QToolButton::clicked, this, [this, index] {
        setRowValue(mRows[index], mRows[index].spec->defaultValue);
        showDetails(mRows[index]);
      });
      auto* source = new QLabel(tr("Source: %1").arg(spec.source));
      source->setWordWrap(true);
      source->setFont(small);
      source->setStyleSheet(QStringLiteral("color: #607d8b;"));
      source->setTextInteractionFlags(Qt::TextSelectableByMouse);
      grid->addWidget(row.label, gridRow, 0);
      grid->addWidget(editor, gridRow, 1);
      grid->addWidget(row.reset, gridRow, 2);
      grid->addWidget(source, gridRow + 1, 0, 1, 3);
      grid->setRowMinimumHeight(gridRow + 2, 8);
      gridRow += 3;
      mRows.append(row);
    }
    grid->setRowStretch(gridRow, 1);
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    mTabs->addTab(scroll, group);
  }

  mDetails = new QLabel;
  mDetails->setObjectName(QStringLiteral("assumptionDetails"));
  mDetails->setWordWrap(true);
  mDetails->setTextFormat(Qt::RichText);
  mDetails->setMinimumHeight(3 * fontMetrics().height());
  mDetails->setFrameShape(QFrame::StyledPanel);
  mDetails->setMargin(6);
  layout->addWidget(mDetails);
  mProblems = new QLabel;
  mProblems->setObjectName(QStringLiteral("assumptionProblems"));
  mProblems->setWordWrap(true);
  mProblems->setStyleSheet(QStringLiteral("color: #c62828;"));
  layout->addWidget(mProblems);
  mButtons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  connect(mButtons, &QDialogButtonBox::accepted, this, [this] {
    if (problems().isEmpty()) {
      accept();
    }
  });
  connect(mButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(mButtons);
  if (!mRows.isEmpty()) {
    showDetails(mRows.first());
  }
  revalidate();
  resize(760, 640);
}

double AssumptionsDialog::rowValue(const Row& row) const {
  if (row.choice) {
    return row.choice->currentIndex();
  }
  return row.number->value() / row.scale;
}

void AssumptionsDialog::setRowValue(Row& row, double value) {
  if (row.choice) {
    row.choice->setCurrentIndex(int(value));
  } else {
    row.number->setValue(value * row.scale);
  }
}

void AssumptionsDialog::setEditorValue(const QString& key, double value) {
  for (Row& row : mRows) {
    if (row.spec->key == key) {
      setRowValue(row, value);
      return;
    }
  }
}

void AssumptionsDialog::focusAssumption(const QString& key) {
  for (const Row& row : mRows) {
    if (row.spec->key == key) {
      mTabs->setCurrentIndex(row.tab);
      QWidget* editor = row.choice ? static_cast<QWidget*>(row.choice) : row.number;
      editor->setFocus();
      showDetails(row);
      return;
    }
  }
}

void AssumptionsDialog::showDetails(const Row& row) {
  const AssumptionSpec& spec = *row.spec;
  const QString def =
      spec.choices.isEmpty()
          ? QStringLiteral("%1%2").arg(spec.defaultValue * row.scale).arg(unitSuffix(spec))
          : spec.choiceNames.value(int(spec.defaultValue));
  mDetails->setText(tr("<b>%1</b> <span style='color:#78909c'>(%2, default %3)</span><br>"
                       "%4<br><span style='color:#546e7a'>Source: %5</span>")
                        .arg(spec.label.toHtmlEscaped(), spec.key, def.toHtmlEscaped(),
                             spec.help.toHtmlEscaped(), spec.source.toHtmlEscaped()));
}

bool AssumptionsDialog::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::FocusIn) {
    for (const Row& row : mRows) {
      if (watched == row.choice || watched == row.number) {
        showDetails(row);
        break;
      }
    }
  }
  return QDialog::eventFilter(watched, event);
}

QStringList AssumptionsDialog::problems() const {
  QStringList out;
  for (const Row& row : mRows) {
    const QString why = DesignAssumptions::problem(*row.spec, rowValue(row));
    if (!why.isEmpty()) {
      out.append(why);
    }
  }
  return out;
}

void AssumptionsDialog::revalidate() {
  QStringList out;
  for (Row& row : mRows) {
    const double value = rowValue(row);
    const QString why = DesignAssumptions::problem(*row.spec, value);
    row.label->setStyleSheet(why.isEmpty() ? QString() : QStringLiteral("color: #c62828;"));
    if (!why.isEmpty()) {
      out.append(why);
    }
    const bool isDefault = std::abs(value - row.spec->defaultValue) <=
                           1e-9 * std::max(1.0, std::abs(row.spec->defaultValue));
    row.reset->setEnabled(!isDefault);
    QFont f = row.label->font();
    f.setBold(!isDefault);
    row.label->setFont(f);
  }
  mProblems->setText(out.join(QLatin1Char('\n')));
  mProblems->setVisible(!out.isEmpty());
  mButtons->button(QDialogButtonBox::Ok)->setEnabled(out.isEmpty());
}

bool AssumptionsDialog::okEnabled() const {
  return mButtons->button(QDialogButtonBox::Ok)->isEnabled();
}

QString AssumptionsDialog::problemText() const {
  return mProblems->text();
}

DesignAssumptions AssumptionsDialog::assumptions() const {
  DesignAssumptions out = mOriginal;
  for (const Row& row : mRows) {
    const double value = rowValue(row);
    if (!DesignAssumptions::problem(*row.spec, value).isEmpty()) {
      continue;
    }
    if (row.choice) {
      out.setChoice(row.spec->key, row.spec->choices.value(int(value)));
    } else {
      // Unchanged editors keep the exact stored value (the editor rounds to its decimals).
      const double stored = mOriginal.value(row.spec->key);
      if (std::abs(stored * row.scale - row.number->value()) >=
          0.5 * std::pow(10.0, -row.number->decimals())) {
        out.setValue(row.spec->key, value);
      }
    }
  }
  return out;
}

}  // namespace dc
