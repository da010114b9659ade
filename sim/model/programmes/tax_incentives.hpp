#pragma once
// National tax incentives (tax_incentives kind; 004 line 103 贯彻落实国家、省…各项税收优惠政策):
// the 15% income-tax rate of certified high-tech firms (EIT Law art. 28) and the R&D
// super-deduction on its dated national schedule. The firm's accounts are agents/tax.cpp; this
// file says which terms a firm faces and books the revenue forgone as the programme's cost.
#include <cstddef>
#include <vector>

#include "parksim/model/detail/world.hpp"

namespace parksim::model::tax_incentives {

struct FirmTerms {
  int programme = -1;          // the incentive programme open to the firm (-1: none)
  double rate = 0;             // income-tax rate the firm pays now
  double certified_rate = 0;   // the rate it would pay if certified high tech
  double super_deduction = 0;  // extra share of its R&D deducted
};
// Statutory rate and no extra deduction when no programme is open to the firm.
FirmTerms for_firm(const World& w, std::size_t firm);

// Books each firm's forgone tax (December settlement) to the programme that granted it: national
// tax expenditure, not money of the local package (policy_cost leaves it out; tax_expenditure).
void book_forgone(World& w, const std::vector<double>& forgone, const std::vector<int>& programme);

}  // namespace parksim::model::tax_incentives
