/** Which overlay is open: the command list or the "My playgrounds" dialog. */
class Ui {
  palette = $state(false);
  playgrounds = $state(false);
}

export const ui = new Ui();
