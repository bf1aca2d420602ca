/*
 * Messages next to the field in Cordon's embedded Tasklist forms. When Cordon refuses a form's answer, its sentence
 * names the field: as "(variableName)" (the form gate's messages), or by what the field is about (a form passes hints:
 * variable name -> pattern of the message). The form shows the sentence under that field, without the variable's name;
 * Tasklist still shows it whole in its notification too. Loaded as a custom script by Tasklist's scripts/config.js.
 */
window.cordonFieldMessages = function (camForm, $scope, hints) {
  hints = hints || {};
  $scope.refused = null;
  function fieldOf(message) {
    const named = message.match(/\(([A-Za-z][A-Za-z0-9]*)\)/g) || [];
    for (const n of named) {
      const name = n.slice(1, -1);
      if (camForm.variableManager.variables[name] || hints[name]) {
        return name;
      }
    }
    return Object.keys(hints).filter((name) => hints[name].test(message))[0] || null;
  }
  camForm.on('submit', () => { $scope.refused = null; });
  // Listeners get the form and the event's arguments: here the error. A submission the form itself held back
  // ("camForm submission prevented") says what is wrong by its own means.
  camForm.on('submit-failed', (form, args) => {
    const err = args && args[0];
    if (form.submitPrevented) {
      return;
    }
    const message = (err && err.message) || '';
    // Under the field, the sentence without the variable's name: that is for API clients (Tasklist's notification
    // still shows it whole).
    const shown = message.replace(/ \(([A-Za-z][A-Za-z0-9]*)\)/g,
      (whole, name) => (camForm.variableManager.variables[name] || hints[name] ? '' : whole));
    $scope.$applyAsync(() => { $scope.refused = { message: shown, field: fieldOf(message) }; });
  });
  // What the template asks: the message for this field, if the last refusal was about it.
  $scope.refusedFor = (name) => ($scope.refused && $scope.refused.field === name ? $scope.refused.message : null);
};

export default [];
