// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportmodel.h"

#include <QColor>
#include <QFont>

namespace dc::report {

/// The report's look, shared by the page writer and the drawings. Lengths are millimetres on
/// paper (the painter's unit); font sizes are typographic points, converted for a painter
/// whose unit is 1 mm on a device of `kPdfResolutionDpi`.
inline constexpr int kPdfResolutionDpi = 600;
inline constexpr double kHairlineMm = 0.13;
inline constexpr double kThinMm = 0.25;
inline constexpr double kMediumMm = 0.5;
inline constexpr double kThickMm = 0.7;  // the ISO 128 widths: 0.13, 0.25, 0.5, 0.7, 1.0

/// A font of `sizePt` points for a painter in millimetres (the sans-serif family of the report).
QFont reportFont(double sizePt, bool bold = false);
/// A monospaced font, for ids and codes.
QFont reportMonoFont(double sizePt);
/// The height of a line of text of that font, in millimetres.
double lineHeightMm(double sizePt);

QColor toneColour(Tone tone);  ///< verdict colours: green, amber, red, grey, black
QColor inkColour();            ///< near-black body text and lines
QColor ruleColour();           ///< light grey table rules
QColor accentColour();         ///< the report's one accent (headings, cover band)
QColor feedColour(int feed);   ///< feed A, B, C (0, 1, 2) as the single-line diagram draws them

}  // namespace dc::report
